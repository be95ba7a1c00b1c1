import { describe, expect, it } from 'vitest';
import { directoryPage, indexedFirst, shardOrder, shardsWritten } from '../../src/lib/search-build';
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
