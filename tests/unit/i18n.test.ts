import { calcEn } from '../../src/lib/i18n/calc.en';
import { calcZh } from '../../src/lib/i18n/calc.zh';
import { decideEn } from '../../src/lib/i18n/decide.en';
import { decideZh } from '../../src/lib/i18n/decide.zh';
import { describe, expect, it } from 'vitest';
import {
  alternatesOf,
  isLocale,
  languageName,
  localeFromPath,
  localeStaticPaths,
  localizePath,
  otherLocales,
  routes,
  stripBase,
  tagLabel,
  useTranslations,
  withBase,
} from '../../src/lib/i18n';
import { en } from '../../src/lib/i18n/ui.en';
import { zh } from '../../src/lib/i18n/ui.zh';

describe('withBase', () => {
  it('leaves paths alone at the root', () => {
    expect(withBase('/posts/x/', '/')).toBe('/posts/x/');
  });
  it('prefixes a sub-path with or without a trailing slash', () => {
    expect(withBase('/posts/x/', '/blog')).toBe('/blog/posts/x/');
    expect(withBase('/posts/x/', '/blog/')).toBe('/blog/posts/x/');
    expect(withBase('rss.xml', '/blog/')).toBe('/blog/rss.xml');
  });
});

describe('stripBase', () => {
  it('removes the base and keeps the rest', () => {
    expect(stripBase('/blog/zh/tags/', '/blog/')).toBe('/zh/tags/');
    expect(stripBase('/blog', '/blog')).toBe('/');
    expect(stripBase('/blogger/x/', '/blog')).toBe('/blogger/x/');
    expect(stripBase('/zh/', '/')).toBe('/zh/');
  });
});

describe('locale paths', () => {
  it('serves English at the root and Chinese under /zh/', () => {
    expect(localizePath('/tags/', 'en')).toBe('/tags/');
    expect(localizePath('/tags/', 'zh')).toBe('/zh/tags/');
    expect(routes.post('zh', 'a-b')).toBe('/zh/posts/a-b/');
    expect(routes.home('en')).toBe('/');
    expect(routes.rss('zh')).toBe('/zh/rss.xml');
  });
  it('reads the locale back from a path', () => {
    expect(localeFromPath('/zh/posts/x/')).toBe('zh');
    expect(localeFromPath('/posts/zh/')).toBe('en');
    expect(localeFromPath('/')).toBe('en');
    expect(localeFromPath('/en/whatever/')).toBe('en');
  });
  it('builds one static path per locale with the default locale at the root', () => {
    expect(localeStaticPaths()).toEqual([
      { params: { lang: undefined }, props: { locale: 'en' } },
      { params: { lang: 'zh' }, props: { locale: 'zh' } },
    ]);
  });
  it('lists a page in every locale for its alternates', () => {
    expect(alternatesOf(routes.archive)).toEqual({ en: '/archive/', zh: '/zh/archive/' });
    expect(alternatesOf((l) => routes.tools(l, 'cost'))).toEqual({ en: '/tools/cost/', zh: '/zh/tools/cost/' });
  });
  it('knows its locales', () => {
    expect(isLocale('zh')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
    expect(otherLocales('en')).toEqual(['zh']);
  });
});

describe('UI strings', () => {
  it('spaces a Latin tag from the Chinese around it, and not a Chinese one', () => {
    expect(zh['tag.description']('Lambda', 3)).toBe('关于 Lambda 的 3 篇文章，按时间倒序排列。');
    expect(zh['tag.description']('无服务器', 2)).toBe('关于无服务器的 2 篇文章，按时间倒序排列。');
    expect(zh['tag.description']('AWS 成本', 1)).toBe('关于 AWS 成本的 1 篇文章，按时间倒序排列。');
  });
  it('has the same keys in both languages and no empty string', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const dict of [en, zh]) {
      for (const [key, value] of Object.entries(dict)) {
        const text = typeof value === 'function' ? value(2, '2') : value;
        for (const line of [text].flat()) expect(line, key).toMatch(/\S/);
      }
    }
  });
  it('translates Chinese strings rather than copying English', () => {
    const same = Object.keys(en).filter((k) => {
      const key = k as keyof typeof en;
      return typeof en[key] === 'string' && en[key] === zh[key];
    });
    // vCPU and the RSS acronym are the same in both languages on purpose.
    expect(same.sort()).toEqual(['data.vcpu', 'nav.rss']);
  });
  it('translates the calculator and the decision guide, apart from product names', () => {
    const copied = (a: object, b: object, path = ''): string[] =>
      Object.entries(a).flatMap(([k, v]) => {
        const other = (b as Record<string, unknown>)[k];
        if (typeof v === 'string') return v === other ? [`${path}${k}`] : [];
        if (v && typeof v === 'object') return copied(v as object, other as object, `${path}${k}.`);
        return [];
      });
    expect(copied(calcEn, calcZh).sort()).toEqual([
      'doors.http',
      'doors.rest',
      'lines.doorHttp',
      'lines.doorRest',
      'options.fargate',
      'options.lambda',
      'short.fargate',
      'short.lambda',
    ]);
    expect(copied(decideEn, decideZh).sort()).toEqual(['verdicts.fargate', 'verdicts.lambda']);
  });
  it('names the other languages in the words of the page', () => {
    expect(languageName('zh', 'en')).toBe('Chinese');
    expect(languageName('en', 'zh')).toBe('英语');
    expect(en['lang.label'](languageName('zh', 'en'))).toBe('Read this page in Chinese');
    expect(zh['lang.label'](languageName('en', 'zh'))).toBe('阅读本页的英文版');
    expect(en['subscribe.otherFeed'](languageName('zh', 'en'))).toBe('Every Chinese article');
    expect(zh['subscribe.otherFeed'](languageName('en', 'zh'))).toBe('全部英文文章');
  });
  it('pluralises and formats counts', () => {
    const t = useTranslations('en');
    expect(t['tags.postCount'](1)).toBe('1 post');
    expect(t['tags.postCount'](3)).toBe('3 posts');
    expect(t['post.readingTime'](7)).toBe('7 min read');
    expect(useTranslations('zh')['post.readingTime'](7)).toBe('阅读约 7 分钟');
  });
  it('labels tags per language and falls back to the slug', () => {
    expect(tagLabel('serverless', 'zh')).toBe('无服务器');
    expect(tagLabel('serverless', 'en')).toBe('Serverless');
    expect(tagLabel('unknown-tag', 'zh')).toBe('unknown-tag');
  });
});
