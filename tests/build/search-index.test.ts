import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPosts, pagefindFragments } from '../helpers/dist';

/** Reads the Pagefind index that `npm run build` wrote into dist/pagefind/. */
const root = process.cwd();
const dist = join(root, 'dist');
const posts = contentPosts(root);
const published = posts.filter((p) => !p.draft);

const fragments = () => pagefindFragments(dist);

const pagefindLanguage = (locale: string) => (locale === 'zh' ? 'zh-cn' : locale);

describe('search index', () => {
  const all = fragments();

  it('has one index per language, with every published article and nothing else', () => {
    const entry = JSON.parse(readFileSync(join(dist, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'zh-cn']);
    for (const locale of ['en', 'zh']) {
      const expected = published
        .filter((p) => p.locale === locale)
        .map((p) => `${locale === 'en' ? '' : `/${locale}`}/posts/${p.slug}/`)
        .sort();
      const indexed = all
        .filter((f) => f.language === pagefindLanguage(locale))
        .map((f) => f.fragment.url)
        .sort();
      expect(indexed).toEqual(expected);
      expect(entry.languages[pagefindLanguage(locale)].page_count).toBe(expected.length);
    }
  });

  it('never indexes a draft, not even a word only a draft uses', () => {
    for (const draft of posts.filter((p) => p.draft)) {
      const marker = /\b(zqx\w+)\b/.exec(draft.body)?.[1];
      expect(marker, 'each draft carries a zqx… marker word').toBeDefined();
      for (const { fragment } of all) {
        expect(fragment.url).not.toContain(draft.slug);
        expect(fragment.content.toLowerCase()).not.toContain(marker!);
      }
    }
  });

  it('offers exactly the tags of each article as filter values', () => {
    for (const { fragment } of all) {
      const slug = fragment.url.split('/').filter(Boolean).pop();
      const locale = fragment.url.startsWith('/zh/') ? 'zh' : 'en';
      const post = published.find((p) => p.slug === slug && p.locale === locale)!;
      const tags = /^tags:\s*\[(.*)\]\s*$/m
        .exec(post.body)![1]!
        .split(',')
        .map((t) => t.trim());
      expect([...fragment.filters['tag']!].sort(), fragment.url).toEqual([...tags].sort());
    }
  });

  it('keeps title, description, date and language as metadata, and the body without page chrome', () => {
    for (const { fragment } of all) {
      expect(fragment.meta['title']?.length, fragment.url).toBeGreaterThan(0);
      expect(fragment.meta['description']?.length, fragment.url).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(fragment.meta['date'] ?? ''))).toBe(false);
      expect(fragment.meta['language']).toMatch(/^(en|zh-CN)$/);
      // Navigation, the table of contents, previous/next and the subscribe box stay out.
      expect(fragment.content).not.toMatch(
        /Skip to content|On this page|Older post|Newer post|Follow along|Also available in|跳到正文|本页目录|订阅更新|其他语言版本/,
      );
      // The date is metadata and a sort key, not text: it would show up in excerpts.
      expect(fragment.content, fragment.url).not.toContain(fragment.meta['date']);
      expect(fragment.content, fragment.url).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
  });
});
