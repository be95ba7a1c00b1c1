import { describe, expect, it } from 'vitest';
import {
  directoryPage,
  indexedFirst,
  shardOrder,
  shardsWritten,
  uncachedFirst,
  writtenByFiles,
} from '../../src/lib/search-build';
import { planShards } from '../../src/lib/search-shards';

const post = 'src/pages/[...lang]/posts/[slug].astro';
const path = (component: string, pathname: string) => ({ pathname, route: { component } });

describe('indexedFirst', () => {
  it('moves the pages of indexed routes to the front and keeps each group in order', () => {
    const paths = [
      path('src/pages/[...lang]/index.astro', '/'),
      path(post, '/posts/a/'),
      path('src/pages/[...lang]/rss.xml.ts', '/rss.xml'),
      path(post, '/posts/b/'),
      path(post, '/zh/posts/a/'),
    ];
    expect(indexedFirst(paths, new Set([post])).map((p) => p.pathname)).toEqual([
      '/posts/a/',
      '/posts/b/',
      '/zh/posts/a/',
      '/',
      '/rss.xml',
    ]);
  });

  it('leaves the order alone when no route is indexed, and loses no path', () => {
    const paths = [path('a', '/a/'), path('b', '/b/')];
    expect(indexedFirst(paths, new Set())).toEqual(paths);
    expect(indexedFirst(paths, new Set(['b', 'a']))).toHaveLength(2);
  });
});

describe('directoryPage', () => {
  it('names the file Astro writes a page to in the directory format', () => {
    expect(directoryPage('/posts/a/')).toBe('posts/a/index.html');
    expect(directoryPage('/zh/posts/a')).toBe('zh/posts/a/index.html');
    expect(directoryPage('/')).toBe('index.html');
    expect(directoryPage('')).toBe('index.html');
  });
});

describe('shardOrder', () => {
  const language = (pathname: string) => (pathname.startsWith('/zh/') ? 'zh-CN' : 'en');
  // Above SHARD_PAGES a language is split; 4,100 English pages make 3 shards, 300 Chinese pages one.
  const paths = [
    ...Array.from({ length: 4100 }, (_, i) => path(post, `/posts/p${i}/`)),
    ...Array.from({ length: 300 }, (_, i) => path(post, `/zh/posts/p${i}/`)),
  ];
  const order = shardOrder(paths, language);
  const planned = planShards(order.languages);

  it('orders the pages shard by shard, as the index plans them, and loses none', () => {
    expect(order.paths).toHaveLength(paths.length);
    expect(new Set(order.paths)).toEqual(new Set(paths));
    expect(order.ends).toEqual([
      planned.shards[0]!.length,
      planned.shards[0]!.length + planned.shards[1]!.length,
      paths.length,
    ]);
    let start = 0;
    planned.shards.forEach((shard, i) => {
      expect(
        order.paths
          .slice(start, order.ends[i])
          .map((p) => directoryPage(p.pathname))
          .sort(),
      ).toEqual(shard);
      start = order.ends[i]!;
    });
    // Shard 0 holds the first English shard and all the Chinese pages.
    expect(planned.counts).toEqual(
      new Map([
        ['en', 3],
        ['zh-cn', 1],
      ]),
    );
  });

  it('gives each page its language in lower case, as Pagefind reads it', () => {
    expect(order.languages.get('zh/posts/p1/index.html')).toBe('zh-cn');
    expect(order.languages.get('posts/p1/index.html')).toBe('en');
  });

  it('says a shard is written only once every page before its end has been handed on', () => {
    expect(shardsWritten([3, 5, 9], 0)).toEqual([]);
    expect(shardsWritten([3, 5, 9], 3)).toEqual([0]);
    expect(shardsWritten([3, 5, 9], 8)).toEqual([0, 1]);
    expect(shardsWritten([3, 5, 9], Infinity)).toEqual([0, 1, 2]);
  });
});

describe('uncachedFirst', () => {
  const keyed = (pathname: string, cacheKey?: string) => ({ pathname, route: { component: 'c' }, cacheKey });

  it('moves the first page without a cache key to the front and keeps the rest in order', () => {
    const paths = [keyed('/tags/a/', 'k1'), keyed('/tags/b/', 'k2'), keyed('/404'), keyed('/about/')];
    expect(uncachedFirst(paths).map((p) => p.pathname)).toEqual(['/404', '/tags/a/', '/tags/b/', '/about/']);
  });

  it('leaves the order alone when every page has a key or the first has none', () => {
    const keyedOnly = [keyed('/a/', 'k'), keyed('/b/', 'k')];
    expect(uncachedFirst(keyedOnly)).toEqual(keyedOnly);
    const first = [keyed('/a/'), keyed('/b/', 'k'), keyed('/c/')];
    expect(uncachedFirst(first)).toEqual(first);
    expect(uncachedFirst([])).toEqual([]);
  });
});

describe('writtenByFiles', () => {
  const files = ['a', 'b', 'c', 'd', 'e', 'f'];
  const ends = [2, 4, 6];
  const existing =
    (...names: string[]) =>
    (file: string) =>
      names.includes(file);

  it('counts a shard written once the first page of the next one exists', () => {
    expect(writtenByFiles(files, ends, existing())).toBe(0);
    // 'b' exists, but it is still being written until 'c' exists.
    expect(writtenByFiles(files, ends, existing('a', 'b'))).toBe(0);
    expect(writtenByFiles(files, ends, existing('a', 'b', 'c'))).toBe(2);
    expect(shardsWritten(ends, writtenByFiles(files, ends, existing('a', 'b', 'c', 'd', 'e')))).toEqual([0, 1]);
  });

  it('never says the last shard is written: no page of this list comes after it', () => {
    expect(writtenByFiles(files, ends, existing(...files))).toBe(4);
  });

  it('stops at the first missing boundary, since pages are written in order', () => {
    expect(writtenByFiles(files, ends, existing('e'))).toBe(0);
  });
});
