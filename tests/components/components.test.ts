import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Head from '../../src/components/Head.astro';
import LanguageSwitch from '../../src/components/LanguageSwitch.astro';
import PostCard from '../../src/components/PostCard.astro';
import TableOfContents from '../../src/components/TableOfContents.astro';
import TagList from '../../src/components/TagList.astro';
import Callout from '../../src/components/mdx/Callout.astro';
import type { Post } from '../../src/lib/posts';

/** Components render from props alone, so each can be checked in isolation. */
let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const post: Post = {
  id: 'zh/fargate-vs-lambda.md',
  locale: 'zh',
  slug: 'fargate-vs-lambda',
  key: 'fargate-vs-lambda',
  title: 'Fargate 与 Lambda <对比> & 取舍',
  description: '两者的区别。',
  pubDate: new Date('2026-06-15T02:00:00Z'),
  tags: ['serverless', 'fargate'],
  draft: false,
  readingMinutes: 9,
};

describe('PostCard', () => {
  it('shows the title link, localized date, reading time and tags, escaping the title', async () => {
    const html = await container.renderToString(PostCard, { props: { post, locale: 'zh' } });
    expect(html).toContain('href="/zh/posts/fargate-vs-lambda/"');
    expect(html).toContain('Fargate 与 Lambda &lt;对比&gt; &amp; 取舍');
    expect(html).toMatch(/<time datetime="2026-06-15T02:00:00.000Z"[^>]*>2026年6月15日<\/time>/);
    expect(html).toContain('阅读约 9 分钟');
    expect(html).toContain('#无服务器');
    expect(html).not.toContain('草稿');
  });

  it('marks drafts', async () => {
    const html = await container.renderToString(PostCard, { props: { post: { ...post, draft: true }, locale: 'zh' } });
    expect(html).toContain('草稿');
  });
});

describe('TagList', () => {
  it('links each tag to its page in the list’s language', async () => {
    const html = await container.renderToString(TagList, { props: { tags: ['event-driven'], locale: 'en' } });
    expect(html).toMatch(/href="\/tags\/event-driven\/"[^>]*>\s*#Event-driven\s*</);
  });
});

describe('LanguageSwitch', () => {
  it('points at the translation when there is one', async () => {
    const html = await container.renderToString(LanguageSwitch, {
      props: { locale: 'en', alternates: { en: '/posts/a/', zh: '/zh/posts/a/' } },
    });
    expect(html).toContain('href="/zh/posts/a/"');
    expect(html).toContain('hreflang="zh-CN"');
    expect(html).toContain('简体中文');
  });

  it('falls back to the other language’s home page', async () => {
    const html = await container.renderToString(LanguageSwitch, { props: { locale: 'zh', alternates: {} } });
    expect(html).toContain('href="/"');
    expect(html).toContain('English');
  });
});

describe('TableOfContents', () => {
  it('links every heading by id, nesting h3 under h2', async () => {
    const html = await container.renderToString(TableOfContents, {
      props: {
        locale: 'zh',
        headings: [
          { depth: 2, slug: '为什么', text: '为什么' },
          { depth: 3, slug: 'detail', text: 'Detail' },
        ],
      },
    });
    expect(html).toContain('href="#为什么"');
    expect(html).toMatch(/class="depth-3[^"]*"[^>]*>\s*<a href="#detail"/);
    expect(html).toContain('本页目录');
  });
});

describe('Callout', () => {
  it('titles itself in the page’s language', async () => {
    const html = await container.renderToString(Callout, {
      props: { type: 'warning' },
      slots: { default: '<p>Body</p>' },
      request: new Request('https://example.com/zh/posts/x/'),
    });
    expect(html).toContain('注意');
    expect(html).toContain('<p>Body</p>');
  });
});

describe('Head', () => {
  const base = {
    locale: 'en' as const,
    title: 'A </script> title',
    description: 'D',
    path: '/posts/a/',
    jsonLd: { headline: '</script><script>alert(1)</script>' },
  };

  it('declares hreflang alternates only when a translation exists', async () => {
    const single = await container.renderToString(Head, { props: { ...base, alternates: { en: '/posts/a/' } } });
    expect(single).not.toContain('hreflang');
    const paired = await container.renderToString(Head, {
      props: { ...base, alternates: { en: '/posts/a/', zh: '/zh/posts/a/' } },
    });
    expect(paired).toContain('hreflang="zh-CN"');
    expect(paired).toContain('hreflang="x-default"');
    expect(paired).toContain('og:locale:alternate');
  });

  it('cannot be broken out of by a title in JSON-LD', async () => {
    const html = await container.renderToString(Head, { props: { ...base, alternates: {} } });
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(ld).not.toContain('</script');
    expect(JSON.parse(ld).headline).toBe('</script><script>alert(1)</script>');
    expect(html).toContain('<title>A &lt;/script&gt; title · Lambda or Fargate</title>');
  });
});
