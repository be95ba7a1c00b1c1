import type { Locale } from './locales';

/**
 * Display names for tag slugs. Slugs stay the same in both languages (so URLs and feeds match);
 * only the label changes. A tag without an entry is shown as its slug.
 */
const labels: Record<Locale, Record<string, string>> = {
  en: {
    lambda: 'Lambda',
    fargate: 'Fargate',
    serverless: 'Serverless',
    containers: 'Containers',
    ecs: 'ECS',
    cost: 'Cost',
    architecture: 'Architecture',
    'event-driven': 'Event-driven',
    fundamentals: 'Fundamentals',
    performance: 'Performance',
    scaling: 'Scaling',
    migration: 'Migration',
    networking: 'Networking',
  },
  zh: {
    lambda: 'Lambda',
    fargate: 'Fargate',
    serverless: '无服务器',
    containers: '容器',
    ecs: 'ECS',
    cost: '成本',
    architecture: '架构',
    'event-driven': '事件驱动',
    fundamentals: '基础知识',
    performance: '性能',
    scaling: '扩展',
    migration: '迁移',
    networking: '网络',
  },
};

/** Human label of a tag in a language, falling back to the slug itself. */
export function tagLabel(tag: string, locale: Locale): string {
  return labels[locale][tag] ?? tag;
}

/** Every known tag label of a language (sent to the search interface, which renders tags itself). */
export function tagLabels(locale: Locale): Record<string, string> {
  return { ...labels[locale] };
}
