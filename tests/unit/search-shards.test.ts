import { describe, expect, it } from 'vitest';
import {
  pageLanguage,
  planShards,
  SHARD_PAGES,
  SPLIT_PAGES,
  shardCount,
  shardsOf,
  shardDir,
  shardOf,
  shardUrls,
} from '../../src/lib/search-shards';

const paths = (n: number, prefix = 'posts') =>
  Array.from({ length: n }, (_, i) => `${prefix}/article-number-${i}-about-lambda/index.html`);

describe('search shards', () => {
  it('splits a language once it has more pages than a shard holds', () => {
    expect(shardCount(0)).toBe(1);
    expect(shardCount(1)).toBe(1);
    expect(shardCount(SPLIT_PAGES - 1)).toBe(1);
    // Two indexers work on a language of a few hundred pages at once.
    expect(shardCount(SPLIT_PAGES)).toBe(2);
    expect(shardCount(SHARD_PAGES)).toBe(2);
    expect(shardCount(SHARD_PAGES + 1)).toBe(2);
    expect(shardCount(SHARD_PAGES * 4.5)).toBe(5);
    expect(() => shardCount(-1)).toThrow(RangeError);
    expect(() => shardCount(1.5)).toThrow(RangeError);
  });

  it('gives a page the same shard on every build, and spreads pages about evenly', () => {
    expect(shardOf('posts/x/index.html', 1)).toBe(0);
    const pages = paths(9000);
    const first = pages.map((p) => shardOf(p, 5));
    expect(pages.map((p) => shardOf(p, 5))).toEqual(first);
    const sizes = [0, 1, 2, 3, 4].map((i) => first.filter((s) => s === i).length);
    for (const size of sizes) expect(size).toBeGreaterThan(1500);
    for (const size of sizes) expect(size).toBeLessThan(2100);
    expect(() => shardOf('a', 0)).toThrow(RangeError);
  });

  it('places the first shard at pagefind/ and the others in folders of their own, under the base', () => {
    expect(shardDir(0)).toBe('pagefind/');
    expect(shardDir(3)).toBe('pagefind/shard-3/');
    expect(shardUrls(1, '/')).toEqual(['/pagefind/']);
    expect(shardUrls(3, '/blog')).toEqual(['/blog/pagefind/', '/blog/pagefind/shard-1/', '/blog/pagefind/shard-2/']);
    expect(shardUrls(2, '/blog/')).toEqual(['/blog/pagefind/', '/blog/pagefind/shard-1/']);
  });

  it('plans shards per language: a small language stays whole in the first', () => {
    const en = paths(SHARD_PAGES * 2 + 500);
    const zh = paths(10, 'zh/posts');
    const { shards, counts } = planShards([
      ...en.map((p) => [p, 'en'] as const),
      ...zh.map((p) => [p, 'zh-cn'] as const),
    ]);
    expect(counts).toEqual(
      new Map([
        ['en', 3],
        ['zh-cn', 1],
      ]),
    );
    expect(shards).toHaveLength(3);
    expect(shards.flat().sort()).toEqual([...en, ...zh].sort());
    for (const page of zh) expect(shards[0]).toContain(page);
    for (const [i, shard] of shards.entries()) {
      for (const page of shard.filter((p) => p.startsWith('posts/'))) expect(shardOf(page, 3)).toBe(i);
      expect(shard).toEqual([...shard].sort());
    }
    expect(planShards([])).toEqual({ shards: [[]], counts: new Map() });
  });

  it('reads the language of a page as Pagefind does', () => {
    expect(pageLanguage('<!doctype html><html lang="zh-CN" dir="ltr"><head>')).toBe('zh-cn');
    expect(pageLanguage("<html data-theme='dark' lang='en'>")).toBe('en');
    expect(pageLanguage('<html><body lang="en">')).toBe('unknown');
  });

  it("reads a language's shard count from the published plan, one when it does not say", () => {
    const plan = { en: 3, 'zh-cn': 2 };
    expect(shardsOf(plan, 'en')).toBe(3);
    expect(shardsOf(plan, 'zh-CN')).toBe(2);
    expect(shardsOf(plan, 'fr')).toBe(1);
    for (const bad of [null, 'x', [], { en: 0 }, { en: 1.5 }, { en: '3' }]) expect(shardsOf(bad, 'en')).toBe(1);
  });
});
