import { existsSync } from 'node:fs';
import { rename, rmdir } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';

/**
 * Astro writes only src/pages/404.astro as `404.html`; the pages of src/pages/[...lang]/404.astro
 * land in `404/index.html` and `zh/404/index.html`, where static hosts never look. This moves each
 * to `<folder>/404.html` ("." is the root), the file Netlify, Cloudflare Pages and similar hosts
 * serve for misses under that folder.
 */
export function localized404(localeFolders: readonly string[]): AstroIntegration {
  return {
    name: 'localized-404',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        for (const folder of localeFolders) {
          const from = new URL(`${folder}/404/index.html`, dir);
          if (!existsSync(from)) continue;
          await rename(from, new URL(`${folder}/404.html`, dir));
          await rmdir(new URL(`${folder}/404/`, dir));
          logger.info(`moved ${folder}/404/index.html to ${folder}/404.html`);
        }
      },
    },
  };
}
