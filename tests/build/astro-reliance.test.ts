import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Guards for the Astro behaviour the build relies on beyond its documented API (listed in
 * docs/architecture.md, "What the build relies on"). Each reads the built site of `npm test` and
 * fails with a message saying which reliance an Astro upgrade broke.
 */

const root = process.cwd();
const page = (path: string) => readFileSync(join(root, 'dist', path), 'utf8');

describe('Astro behaviour the build relies on', () => {
  it('render() takes the HTML of the entry it is given (src/content/loaders.ts)', () => {
    // The store keeps no HTML for Markdown articles: the page has a body only if render() used the
    // HTML that withRenderedHtml() read back into the entry.
    const html = page('posts/scaling-limits-and-failure-modes/index.html');
    const body = html.slice(html.indexOf('<div class="prose"'));
    expect(
      (body.match(/<h2\b/g) ?? []).length,
      'an article page has no headings: Astro no longer renders the rendered.html of the entry passed to render(), or no longer lets a loader wrap its data store (src/content/loaders.ts)',
    ).toBeGreaterThan(2);
  });

  it("a page's locals reach the MDX components it renders (src/components/mdx/facts.ts)", () => {
    const lambda = parse(readFileSync(join(root, 'content/data/lambda.yaml'), 'utf8')) as {
      prices: { durationTiers: { perGbSecond: number }[] }[];
    };
    const rate = String(lambda.prices[0]!.durationTiers[0]!.perGbSecond);
    expect(
      page('posts/what-lambda-and-fargate-cost/index.html'),
      'an article with <PriceTable> does not show the price from content/data: Astro.locals set by the article page no longer reaches the components it renders',
    ).toContain(rate);
  });

  it('a page without a cache key is not kept in Astro cache (src/pages/[...lang]/rss.xml.ts)', () => {
    const cache = join(root, 'node_modules/.astro/dist');
    expect(existsSync(join(cache, 'tags')), 'no keyed page was kept: is experimental.incrementalBuild on?').toBe(true);
    expect(
      existsSync(join(cache, 'rss.xml')) || existsSync(join(cache, 'zh/rss.xml')),
      "a language feed (a route with no cacheKey) was copied into Astro's page cache: the build's peak memory at 10,000 articles grows by the feed's size twice",
    ).toBe(false);
  });
});
