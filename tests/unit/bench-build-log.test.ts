import { describe, expect, it } from 'vitest';
import { groupRoutes, parseBuildLog, parseDuration, routeKind } from '../../scripts/bench/build-log';
import { cardsDrawn } from '../../src/lib/social-card';

const log = `06:08:56 [content] Syncing content
06:08:57 [content] Synced content
06:08:57 [types] Generated 1.72s
06:08:57 [build] output: "static"
06:08:57 [build] ✓ Completed in 1.77s.
06:08:57 [build] Building static entrypoints...
06:08:58 [vite] ✓ built in 665ms
06:08:58 [vite] ✓ built in 29ms
06:08:58 [build] Rearranging server assets...

 generating static routes 
06:07:49   ├─ /404.html (+16ms) 
06:07:49   ├─ /posts/a/index.html (+10ms) 
06:07:49   ├─ /zh/posts/b/index.html (+20ms) 
06:07:49   ├─ /rss.xml (+1.25s) 
06:07:49   ├─ /tags/lambda/rss.xml (+8ms) 
06:07:49   ├─ /zh/tags/lambda/index.html (+4ms) 
06:07:50   └─ /zh/index.html (+3ms) 
06:07:50 ✓ Completed in 509ms.

 generating optimized images 
06:07:50   ▶ /_astro/image.svg (before: 2kB, after: 2kB) (+88ms) (1/1)
06:07:50 ✓ Completed in 88ms.

06:07:50 [build] ✓ Completed in 1.38s.
06:07:50 [pagefind-index] scanned 34 pages; articles indexed into pagefind/
06:07:50 [build] 34 page(s) built in 3.33s
06:07:50 [build] Complete!`;

describe('bench: build log', () => {
  it('reads the social cards the build drew, from the line the build writes', () => {
    const cards = `06:07:49 [build] page\n${cardsDrawn(1000, 12_345, 11_800)}\n06:07:50 ✓ Completed in 509ms.`;
    expect(parseBuildLog(cards).cards).toEqual({ count: 1000, wallMs: 12_350, meanMs: 11.8 });
    expect(parseBuildLog(log).cards).toBeUndefined();
    const spells = `${cardsDrawn(3, 500, 60)}\n${cardsDrawn(1, 100, 40)}`;
    expect(parseBuildLog(spells).cards).toEqual({ count: 4, wallMs: 600, meanMs: 25 });
  });

  it('parses Astro durations', () => {
    expect(parseDuration('509ms')).toBe(509);
    expect(parseDuration('1.38s')).toBe(1380);
    expect(parseDuration('2m 5s')).toBe(125_000);
    expect(parseDuration('later')).toBeUndefined();
  });

  it('reads the phases and every route time', () => {
    const parsed = parseBuildLog(log);
    expect(parsed).toMatchObject({
      syncMs: 1720,
      viteMs: 694,
      routesMs: 509,
      imagesMs: 88,
      totalMs: 3330,
      pages: 34,
    });
    expect(parsed.routes).toHaveLength(7);
    expect(parsed.routes[1]).toEqual({ path: '/posts/a/index.html', ms: 10 });
    expect(parsed.routes[3]).toEqual({ path: '/rss.xml', ms: 1250 });
  });

  it('classifies routes in both languages', () => {
    expect(routeKind('/posts/a/index.html')).toBe('article');
    expect(routeKind('/zh/posts/a/index.html')).toBe('article');
    expect(routeKind('/tags/lambda/rss.xml')).toBe('tag feed');
    expect(routeKind('/zh/tags/lambda/index.html')).toBe('tag page');
    expect(routeKind('/zh/rss.xml')).toBe('language feed');
    expect(routeKind('/archive/index.html')).toBe('archive');
    expect(routeKind('/zh/index.html')).toBe('home');
    expect(routeKind('/tags/index.html')).toBe('other');
    expect(routeKind('/404.html')).toBe('other');
  });

  it('groups route times by kind, slowest first', () => {
    const groups = groupRoutes(parseBuildLog(log).routes);
    expect(groups[0]).toEqual({ kind: 'language feed', count: 1, totalMs: 1250, meanMs: 1250, maxMs: 1250 });
    expect(groups.find((g) => g.kind === 'article')).toEqual({
      kind: 'article',
      count: 2,
      totalMs: 30,
      meanMs: 15,
      maxMs: 20,
    });
  });
});
