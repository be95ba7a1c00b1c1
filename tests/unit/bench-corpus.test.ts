import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  articleBody,
  editArticle,
  EN_WORDS,
  generateCorpus,
  planCorpus,
  seedFor,
  slugify,
  ZH_CHARS,
} from '../../scripts/bench/corpus';
import { TAG_POOL } from '../../scripts/bench/vocabulary';
import { postSchema } from '../../src/lib/schema';
import { countText } from '../../src/lib/reading-time';
import { parsePostPath } from '../../src/lib/slug';
import { z } from 'astro/zod';

const corpus = generateCorpus(200, 42);
const schema = postSchema(() => z.never());

function split(content: string) {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(content);
  if (!match) throw new Error('no front matter');
  return { data: parse(match[1]!) as Record<string, unknown>, body: match[2]! };
}

describe('bench: synthetic corpus', () => {
  it('is deterministic, and a smaller corpus is a prefix of a larger one', () => {
    expect(generateCorpus(200, 42)).toEqual(corpus);
    expect(generateCorpus(50, 42)).toEqual(corpus.slice(0, 50));
    expect(generateCorpus(50, 43).map((a) => a.content)).not.toEqual(corpus.slice(0, 50).map((a) => a.content));
  });

  it('writes front matter the site schema accepts', () => {
    for (const article of corpus) {
      const { data } = split(article.content);
      const result = schema.safeParse(data);
      expect(result.success, `${article.path}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
      expect(data['draft']).toBe(false);
      for (const tag of data['tags'] as string[]) expect(TAG_POOL).toContain(tag);
    }
  });

  it('uses valid, unique paths, about one in ten in Chinese', () => {
    const paths = corpus.map((a) => a.path.replace(/\.mdx?$/, ''));
    expect(new Set(paths).size).toBe(paths.length);
    for (const article of corpus) expect(parsePostPath(article.path).locale).toBe(article.meta.locale);
    const zh = corpus.filter((a) => a.meta.locale === 'zh').length;
    expect(zh).toBeGreaterThan(10);
    expect(zh).toBeLessThan(40);
  });

  it('spreads publication dates over several years', () => {
    const years = new Set(corpus.map((a) => a.meta.pubDate.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(8);
  });

  it('makes English articles of 1,200–1,800 words and Chinese ones of a similar reading time', () => {
    for (const article of corpus) {
      const { hanChars, words } = countText(split(article.content).body);
      if (article.meta.locale === 'en') {
        expect(words).toBeGreaterThanOrEqual(EN_WORDS.min);
        expect(words).toBeLessThanOrEqual(EN_WORDS.max);
      } else {
        expect(hanChars).toBeGreaterThanOrEqual(ZH_CHARS.min);
        expect(hanChars).toBeLessThanOrEqual(ZH_CHARS.max);
      }
    }
  });

  it('has the shape of a real article: sections, lists, a table, code in several languages, sources', () => {
    for (const article of corpus) {
      const { body } = split(article.content);
      expect(body.match(/^## /gm)!.length).toBeGreaterThanOrEqual(5);
      expect(body).toMatch(/^### /m);
      expect(body).toMatch(/^- /m);
      expect(body).toMatch(/^1\. /m);
      expect(body).toMatch(/^\| --- \| ---: \|/m);
      const langs = new Set([...body.matchAll(/^```(\w+)/gm)].map((m) => m[1]));
      expect(langs.size).toBeGreaterThanOrEqual(3);
      expect(body).toMatch(/\n## (Sources|参考资料)\n\n- \[/);
    }
    const all = new Set(corpus.flatMap((a) => [...a.content.matchAll(/^```(\w+)/gm)].map((m) => m[1])));
    expect([...all].sort()).toEqual(['bash', 'json', 'python', 'ts', 'yaml']);
  });

  it('writes Chinese paragraphs on one line, with the words search must find', () => {
    const zh = corpus.filter((a) => a.meta.locale === 'zh');
    const text = zh.map((a) => split(a.content).body).join('\n');
    expect(text).toContain('无服务器');
    expect(text).toContain('容器');
    for (const article of zh) {
      for (const block of split(article.content).body.split('\n\n')) {
        if (/^[\u4e00-\u9fff]/.test(block)) expect(block).not.toContain('\n');
      }
    }
  });

  it('links only to earlier articles that exist, in the same language', () => {
    const byPath = new Map(corpus.map((a) => [`${a.meta.locale === 'zh' ? '/zh' : ''}/posts/${a.meta.slug}/`, a]));
    let links = 0;
    for (const article of corpus) {
      for (const [, href] of article.content.matchAll(/\]\((\/(?:zh\/)?posts\/[^)]+)\)/g)) {
        const target = byPath.get(href!);
        expect(target, href).toBeDefined();
        expect(target!.meta.index).toBeLessThan(article.meta.index);
        expect(target!.meta.locale).toBe(article.meta.locale);
        links++;
      }
    }
    expect(links).toBeGreaterThan(corpus.length);
  });

  it('pairs some Chinese articles with an English one as translations', () => {
    const en = new Set(corpus.filter((a) => a.meta.locale === 'en').map((a) => a.meta.slug));
    const pairs = corpus.filter((a) => a.meta.locale === 'zh' && en.has(a.meta.slug));
    expect(pairs.length).toBeGreaterThan(0);
  });

  it('keeps each article independent of the ones after it', () => {
    const metas = planCorpus(30, 5);
    expect(articleBody(metas[20]!, 5, metas)).toBe(articleBody(metas[20]!, 5, planCorpus(21, 5)));
  });

  it('mixes seeds so neighbouring indices get unrelated streams', () => {
    expect(seedFor(1, 0, 1)).not.toBe(seedFor(1, 1, 1));
    expect(seedFor(1, 0, 1)).not.toBe(seedFor(1, 0, 2));
    expect(seedFor(1, 0, 1)).toBe(seedFor(1, 0, 1));
  });
});

describe('bench: slugify and editArticle', () => {
  it('slugifies titles', () => {
    expect(slugify('AWS Lambda or Fargate: 3 lessons!')).toBe('aws-lambda-or-fargate-3-lessons');
    expect(slugify('one two three four', 2)).toBe('one-two');
  });

  it('adds a paragraph before the sources and changes nothing else', () => {
    const article = corpus[0]!.content;
    const edited = editArticle(article, 'A new paragraph.');
    expect(edited).toContain('\n\nA new paragraph.\n\n## Sources\n');
    expect(edited.replace('\n\nA new paragraph.', '')).toBe(article);
    expect(() => editArticle('no sources here', 'x')).toThrow(/Sources/);
  });
});
