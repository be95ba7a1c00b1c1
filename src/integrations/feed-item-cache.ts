import type { AstroIntegration } from 'astro';
import type { FeedItemCacheSettings } from '../content/feed-items';
import { buildCache } from './build-cache';

const ID = 'virtual:blog/feed-item-cache';

/**
 * Lets the feeds keep each article's serialized item between builds (src/content/feed-items.ts),
 * so that a rebuild serializes only the items of changed articles. The feed code reads where the
 * items are kept from a typed virtual module, `virtual:blog/feed-item-cache` (declared in
 * src/env.d.ts), which this integration adds through Astro's documented `updateConfig({ vite })`.
 *
 * An item is reused only when its article and the whole site source are unchanged: the settings
 * carry the build's source fingerprint (src/integrations/build-cache.ts), so any edit under src/, to
 * the data files, the config or the installed packages makes every item new. `astro build --force`
 * writes the items without reading the kept ones. Builds only: the dev server renders feeds afresh.
 *
 * Only the feed routes import the module: Astro's incremental build hashes a page's modules, and
 * the fingerprint changes with every source edit.
 */
export function feedItemCache(): AstroIntegration {
  return {
    name: 'feed-item-cache',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        let settings: FeedItemCacheSettings | undefined;
        if (command === 'build') {
          const cache = buildCache(config);
          settings = {
            dir: cache.dir('feed-items'),
            fingerprint: cache.fingerprint,
            reuse: !process.argv.includes('--force'),
          };
        }
        const resolved = `\0${ID}`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'feed-item-cache',
                resolveId: (id) => (id === ID ? resolved : undefined),
                load: (id) => (id === resolved ? `export const settings = ${JSON.stringify(settings)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
