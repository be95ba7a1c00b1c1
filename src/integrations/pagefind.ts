import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger, AstroPrerenderer, PathWithRoute, RouteData } from 'astro';
import { indexedFirst } from '../lib/search-build';
import { pagefindVersion, Slots, writeSearchIndex } from './search-index';

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
 * Builds the Pagefind index (into dist/pagefind/) while Astro renders, instead of after it: the
 * searchable pages are rendered first, and as soon as they are all in dist/ (rendered, or restored
 * by the incremental build), Pagefind's indexer, a separate process, reads them and writes its
 * index while the remaining pages (feeds, tag pages) render. On a two-core machine that takes most
 * of Pagefind off the build's critical path. How the index is split into shards and kept between
 * builds in Astro's cache directory is in src/integrations/search-index.ts.
 *
 * `astro dev` serves the last build's index, so search works while writing.
 */
export function pagefindIndex(options: PagefindIndexOptions): AstroIntegration {
  const indexedRoutes = new Set(options.routes);
  let outDir: URL;
  let cacheDir: URL;
  let projectRoot: URL;
  let logger: AstroIntegrationLogger | undefined;
  let base = '/';
  const searchable = new Map<string, RouteData>();
  let written: Promise<{ pages: number; shards: number }> | undefined;
  let stray: string | undefined;
  // One indexer while Astro renders on the other core; two once rendering is over.
  const slots = new Slots(1);

  /** Indexes the searchable pages of dist/, shard by shard; resolves to what it indexed. */
  const index = () => {
    const dist = fileURLToPath(outDir);
    return writeSearchIndex({
      dist,
      pages: [...searchable.values()]
        .flatMap((route) => route.distURL ?? [])
        .map((url) => relative(dist, fileURLToPath(url)).split(sep).join('/')),
      kept: fileURLToPath(new URL('pagefind/', cacheDir)),
      stage: fileURLToPath(new URL('pagefind-pages/', cacheDir)),
      version: pagefindVersion(fileURLToPath(projectRoot)),
      logger,
      slots,
    });
  };

  const startIndexing = () => {
    if (written) return;
    written = index();
    // Awaited in astro:build:done; this only keeps an early failure from being reported twice.
    written.catch(() => {});
  };

  const wrap = (inner: AstroPrerenderer): AstroPrerenderer => ({
    ...inner,
    name: `${inner.name}+pagefind`,
    setup: () => inner.setup?.() ?? Promise.resolve(),
    async getStaticPaths(): Promise<PathWithRoute[]> {
      const paths = await inner.getStaticPaths();
      for (const { route } of paths) if (indexedRoutes.has(route.component)) searchable.set(route.route, route);
      return indexedFirst(paths, indexedRoutes);
    },
    async render(request, renderOptions) {
      const result = await inner.render(request, renderOptions);
      if (!indexedRoutes.has(renderOptions.routeData.component)) {
        // Every searchable page is in dist/ by now: index them while the rest render.
        startIndexing();
        const response = result instanceof Response ? result : result.response;
        const isHtml = (response.headers.get('content-type') ?? '').includes('text/html');
        if (isHtml && !stray && (await response.clone().text()).includes('data-pagefind-body')) {
          stray = `${new URL(request.url).pathname} (${renderOptions.routeData.component})`;
        }
      }
      return result;
    },
    ...(inner.collectStaticImages && { collectStaticImages: inner.collectStaticImages.bind(inner) }),
    teardown: () => inner.teardown?.() ?? Promise.resolve(),
  });

  return {
    name: 'pagefind-index',
    hooks: {
      'astro:config:done': ({ config, logger: integrationLogger }) => {
        logger = integrationLogger;
        outDir = config.outDir;
        cacheDir = config.cacheDir;
        projectRoot = config.root;
        base = config.base;
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer(wrap);
      },
      'astro:build:done': async ({ logger }) => {
        if (stray) {
          throw new Error(
            `${stray} marks data-pagefind-body, but only the routes given to pagefindIndex() are indexed. ` +
              'Add its route there, or remove the attribute.',
          );
        }
        slots.resize(Math.min(2, availableParallelism()));
        startIndexing();
        const { pages, shards } = await written!;
        logger.info(`search index ready: ${pages} pages in ${shards} shard${shards === 1 ? '' : 's'}`);
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
