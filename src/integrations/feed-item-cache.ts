import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { FEED_ITEM_CACHE_ENV, type FeedItemCacheSettings } from '../content/feed-items';
import { sourceFingerprint } from './files';
import { delegate, wrapPrerenderer } from './prerenderer';

export interface FeedItemCacheOptions {
  /**
   * Routes of feeds that list every article of a language, e.g. `src/pages/[...lang]/rss.xml.ts`.
   * Astro's incremental build reads a page whole and copies it twice to keep it, which for a feed of
   * thousands of full articles (over 150 MB at 10,000) is most of the build's peak memory. Such a feed
   * changes with any article of its language, so it is rendered afresh each build instead (from
   * kept items, so quickly) and never held in Astro's cache.
   */
  wholeFeeds?: string[];
}

/**
 * Lets the feeds keep each article's serialized item between builds (src/content/feed-items.ts),
 * so that a rebuild serializes only the items of changed articles. An item is reused only when its
 * article and the whole site source are unchanged: any edit under src/, to the data files, the
 * config or the installed packages makes every item new. `astro build --force` writes the cache
 * without reading it. Builds only; the dev server renders feeds afresh.
 */
export function feedItemCache(options: FeedItemCacheOptions = {}): AstroIntegration {
  const wholeFeeds = new Set(options.wholeFeeds);
  return {
    name: 'feed-item-cache',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => {
        if (wholeFeeds.size === 0) return;
        wrapPrerenderer(setPrerenderer, 'feed-item-cache', (inner) =>
          delegate(inner, {
            name: `${inner.name}+whole-feeds`,
            render: (request, renderOptions) =>
              inner.render(
                request,
                wholeFeeds.has(renderOptions.routeData.component)
                  ? { ...renderOptions, collectMetadata: false }
                  : renderOptions,
              ),
          }),
        );
      },
      'astro:config:setup': ({ config, command }) => {
        if (command !== 'build') {
          // Not inherited from a parent build either: the dev server renders feeds afresh.
          delete process.env[FEED_ITEM_CACHE_ENV];
          return;
        }
        const settings: FeedItemCacheSettings = {
          dir: fileURLToPath(new URL('feed-items/', config.cacheDir)),
          fingerprint: sourceFingerprint(fileURLToPath(config.root)),
          reuse: !process.argv.includes('--force'),
        };
        // Read by the feed routes, which run in this same process.
        process.env[FEED_ITEM_CACHE_ENV] = JSON.stringify(settings);
      },
    },
  };
}
