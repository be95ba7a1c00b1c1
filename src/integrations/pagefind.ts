import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/**
 * Builds the Pagefind index after every production build (into dist/pagefind/) with Pagefind's
 * Node API, and lets `astro dev` serve the last build's index so search works while writing.
 * Pages are indexed only where they mark `data-pagefind-body`, i.e. published articles.
 */
export function pagefindIndex(): AstroIntegration {
  let outDir: URL;
  let base = '/';
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        if (written.errors.length > 0)
          throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`scanned ${added.page_count} pages; articles indexed into pagefind/`);
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${base.replace(/\/+$/, '')}/pagefind/`;
        const root = join(fileURLToPath(outDir), 'pagefind');
        server.middlewares.use(async (req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
          if (!path.startsWith(prefix)) return next();
          const file = join(root, normalize(path.slice(prefix.length)));
          if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
            res.statusCode = 404;
            res.end('No search index: run `npm run build` once.');
            return;
          }
          res.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
          res.end(await readFile(file));
        });
      },
    },
  };
}
