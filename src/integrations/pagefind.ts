import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { buildCache } from './build-cache';
import { pagefindVersion, writeSearchIndex } from './search-index';

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

export interface PagefindIndexOptions {
  /**
   * Route components whose pages hold the searchable text (they mark `data-pagefind-body`), e.g.
   * `src/pages/[...lang]/posts/[slug].astro`. Only their pages are indexed; a page of any other
   * route that marks `data-pagefind-body` fails the build.
   */
  routes: string[];
}

/**
 * Builds the Pagefind index into dist/pagefind/ once Astro has written the site (`astro:build:done`),
 * from the files Astro reports for the indexed routes (the hook's `assets`, rendered or restored by
 * the incremental build alike). How the index is split into shards, indexed two at a time and kept
 * between builds is in src/integrations/search-index.ts; the shard plan is published once, as
 * `pagefind/shards.json`, which the search script reads.
 *
 * `astro dev` serves the last build's index, so search works while writing.
 */
export function pagefindIndex(options: PagefindIndexOptions): AstroIntegration {
  const indexed = new Set(options.routes);
  /** Route patterns (the keys of `assets`) of the indexed routes, and of all the others. */
  const patterns = { indexed: new Set<string>(), other: new Set<string>() };
  let config: AstroConfig;

  return {
    name: 'pagefind-index',
    hooks: {
      'astro:config:done': ({ config: resolved }) => {
        config = resolved;
      },
      'astro:routes:resolved': ({ routes }) => {
        patterns.indexed.clear();
        patterns.other.clear();
        for (const route of routes) {
          if (!route.isPrerendered) continue;
          (indexed.has(route.entrypoint) ? patterns.indexed : patterns.other).add(route.pattern);
        }
      },
      'astro:build:done': async ({ assets, logger }) => {
        const dist = fileURLToPath(config.outDir);
        const htmlOf = (pattern: string) =>
          (assets.get(pattern) ?? [])
            .map((url) => relative(dist, fileURLToPath(url)).split(sep).join('/'))
            .filter((path) => path.endsWith('.html'));
        // Another integration may have moved a page since (localized-404.ts): only files still there count.
        const marks = (path: string) =>
          existsSync(join(dist, path)) && readFileSync(join(dist, path), 'utf8').includes('data-pagefind-body');
        const stray = [...patterns.other]
          .flatMap((pattern) => htmlOf(pattern).map((path) => ({ pattern, path })))
          .find(({ path }) => marks(path));
        if (stray) {
          throw new Error(
            `${stray.path} (route ${stray.pattern}) marks data-pagefind-body, but only the routes given to pagefindIndex() (${options.routes.join(', ')}) are indexed. ` +
              'Add its route there, or remove the attribute.',
          );
        }
        const pages = [...patterns.indexed].flatMap(htmlOf);
        const cache = buildCache(config);
        const { shards } = await writeSearchIndex({
          dist,
          pages,
          kept: cache.dir('pagefind'),
          stage: cache.dir('pagefind-pages'),
          version: pagefindVersion(fileURLToPath(config.root)),
          logger,
          parallel: Math.min(2, availableParallelism()),
        });
        logger.info(`search index ready: ${pages.length} pages in ${shards} shard${shards === 1 ? '' : 's'}`);
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${config.base.replace(/\/+$/, '')}/pagefind/`;
        const dir = join(fileURLToPath(config.outDir), 'pagefind');
        server.middlewares.use(async (req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
          if (!path.startsWith(prefix)) return next();
          const file = join(dir, normalize(path.slice(prefix.length)));
          if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
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
