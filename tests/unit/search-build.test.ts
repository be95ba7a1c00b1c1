import { describe, expect, it } from 'vitest';
import { indexedFirst } from '../../src/lib/search-build';

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
