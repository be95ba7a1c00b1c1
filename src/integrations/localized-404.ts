import { existsSync } from 'node:fs';
import { rename, rmdir } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';

/**
 * Astro writes only the root 404 page as `404.html`; a localized one at src/pages/zh/404.astro
 * lands in `zh/404/index.html`, where static hosts never look. This moves each to `<locale>/404.html`,
 * the file Netlify, Cloudflare Pages and similar hosts serve for misses under that folder.
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
