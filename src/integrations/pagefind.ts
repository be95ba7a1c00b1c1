import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger, AstroPrerenderer, PathWithRoute, RouteData } from 'astro';
import {
  directoryPage,
  indexedFirst,
  shardOrder,
  shardsWritten,
  uncachedFirst,
  writtenByFiles,
} from '../lib/search-build';
import { delegate, wrapPrerenderer } from './prerenderer';
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
  /**
   * The language of a searchable page (as its `<html lang>` gives it), from its pathname. With it,
   * searchable pages render shard by shard, and each shard is indexed as soon as its pages are
   * written, while the next ones render; without it, indexing starts once all of them are.
   */
  language?: (pathname: string) => string;
}

/**
 * Builds the Pagefind index (into dist/pagefind/) while Astro renders, instead of after it: the
 * searchable pages are rendered first, shard by shard, and as soon as a shard's pages are in dist/
 * (rendered, or restored by the incremental build), Pagefind's indexer, a separate process, reads
 * them and writes that shard's index while the remaining pages render. On a two-core machine that
 * takes most of Pagefind off the build's critical path. How the index is split into shards and kept
 * between builds in Astro's cache directory is in src/integrations/search-index.ts.
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
  let format = 'directory';
  /** Whether Astro writes pages one at a time, in the order given: what telling shards written relies on. */
  let oneAtATime = true;
  /** Whether this build's searchable pages are written in the order getStaticPaths gives them. */
  let inOrder = true;
  const searchable = new Map<string, RouteData>();
  let written: Promise<{ pages: number; shards: number }> | undefined;
  let stray: string | undefined;
  // One indexer while Astro renders on the other core; two once rendering is over.
  const slots = new Slots(1);
  /** With `language`: the planned pages, their files in shard order, and per shard, where it ends and a way to say it is written. */
  let early: { languages: Map<string, string>; files: string[]; ends: number[]; written: (() => void)[] } | undefined;
  let searchableRendered = 0;
  /** Looks for restored pages while Astro writes the searchable ones (see watchFiles). */
  let watcher: NodeJS.Timeout | undefined;

  /** The searchable pages Astro wrote, relative to dist/. */
  const writtenPages = () => {
    const dist = fileURLToPath(outDir);
    return [...searchable.values()]
      .flatMap((route) => route.distURL ?? [])
      .map((url) => relative(dist, fileURLToPath(url)).split(sep).join('/'));
  };

  /** Indexes the searchable pages of dist/, shard by shard; resolves to what it indexed. */
  const index = (plan?: { pages: string[]; languages: Map<string, string>; ready: (shard: number) => Promise<void> }) =>
    writeSearchIndex({
      dist: fileURLToPath(outDir),
      pages: plan?.pages ?? writtenPages(),
      kept: fileURLToPath(new URL('pagefind/', cacheDir)),
      stage: fileURLToPath(new URL('pagefind-pages/', cacheDir)),
      version: pagefindVersion(fileURLToPath(projectRoot)),
      logger,
      slots,
      languages: plan?.languages,
      ready: plan?.ready,
    });

  const startIndexing = (plan?: Parameters<typeof index>[0]) => {
    if (written) return;
    written = index(plan);
    // Awaited in astro:build:done; this only keeps an early failure from being reported twice.
    written.catch(() => {});
  };

  /** Plans the shards from the paths to render and starts indexing each as its pages are written. */
  const planEarly = (paths: PathWithRoute[], language: (pathname: string) => string): PathWithRoute[] => {
    const order = shardOrder(paths, language);
    const ready = order.ends.map(() => Promise.withResolvers<void>());
    early = {
      languages: order.languages,
      files: order.paths.map(({ pathname }) => directoryPage(pathname)),
      ends: order.ends,
      written: ready.map((r) => r.resolve),
    };
    startIndexing({ pages: [...order.languages.keys()], languages: order.languages, ready: (i) => ready[i]!.promise });
    watchFiles();
    return order.paths;
  };

  /** Says which shards are written, `rendered` searchable pages into the shard order (all: Infinity). */
  const markWritten = (rendered: number) => {
    if (!early) return;
    for (const shard of shardsWritten(early.ends, rendered)) early.written[shard]!();
    // The watch looks for the first pages of shards after the first: past the last, none is left.
    if (rendered >= (early.ends.at(-2) ?? 0)) stopWatching();
  };

  /**
   * A rebuild restores most pages from the last build without rendering them, so counting renders
   * would find a shard written only once the next rendered page comes, perhaps after thousands of
   * restores. Every 50 ms this looks for the first page of each next shard in dist/ instead
   * (writtenByFiles). If any planned page is there before rendering starts, dist/ was not emptied,
   * and files say nothing: renders alone count then. It stops when every shard is written, and when
   * the build ends or fails (teardown).
   */
  const watchFiles = () => {
    stopWatching();
    const dist = fileURLToPath(outDir);
    const exists = (file: string) => existsSync(join(dist, file));
    const { files, ends } = early!;
    if (ends.length < 2 || files.some(exists)) return;
    watcher = setInterval(() => markWritten(writtenByFiles(files, ends, exists)), 50);
    watcher.unref();
  };

  const stopWatching = () => {
    clearInterval(watcher);
    watcher = undefined;
  };

  const wrap = (inner: AstroPrerenderer): AstroPrerenderer =>
    delegate(inner, {
      name: `${inner.name}+pagefind`,
      async getStaticPaths(): Promise<PathWithRoute[]> {
        const paths = indexedFirst(await inner.getStaticPaths(), indexedRoutes);
        const first = paths.filter(({ route }) => indexedRoutes.has(route.component));
        // A page rendered on every build comes right after the searchable ones, to say they are written.
        const rest = uncachedFirst(paths.slice(first.length));
        [early, searchableRendered] = [undefined, 0];
        stopWatching();
        for (const { route } of first) searchable.set(route.route, route);
        // Astro writes i18n fallback pages after all others, and several at once with build.concurrency
        // above 1: then no render says which pages are written, and indexing waits for the build's end.
        inOrder = oneAtATime && !first.some(({ route }) => route.type === 'fallback');
        // The plan names the files pages will be written to, which it can tell in the directory format.
        if (!inOrder || !options.language || format !== 'directory' || first.length === 0) return [...first, ...rest];
        return [...planEarly(first, options.language), ...rest];
      },
      async render(request, renderOptions) {
        if (indexedRoutes.has(renderOptions.routeData.component)) markWritten(searchableRendered++);
        const result = await inner.render(request, renderOptions);
        if (!indexedRoutes.has(renderOptions.routeData.component)) {
          // Every searchable page is in dist/ by now: index them while the rest render.
          if (inOrder) {
            markWritten(Infinity);
            startIndexing();
          }
          const response = result instanceof Response ? result : result.response;
          const isHtml = (response.headers.get('content-type') ?? '').includes('text/html');
          if (isHtml && !stray && (await response.clone().text()).includes('data-pagefind-body')) {
            stray = `${new URL(request.url).pathname} (${renderOptions.routeData.component})`;
          }
        }
        return result;
      },
      async teardown() {
        stopWatching();
        await inner.teardown?.();
      },
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
        format = config.build.format;
        oneAtATime = config.build.concurrency <= 1;
      },
      'astro:build:start': ({ setPrerenderer }) => {
        wrapPrerenderer(setPrerenderer, 'pagefind-index', wrap);
      },
      'astro:build:done': async ({ logger }) => {
        if (stray) {
          throw new Error(
            `${stray} marks data-pagefind-body, but only the routes given to pagefindIndex() are indexed. ` +
              'Add its route there, or remove the attribute.',
          );
        }
        slots.resize(Math.min(2, availableParallelism()));
        stopWatching();
        markWritten(Infinity);
        startIndexing();
        if (early && !samePages(writtenPages(), [...early.languages.keys()])) {
          // Astro wrote the pages elsewhere than planned: index what it wrote, as if unplanned.
          logger.warn('searchable pages were not written where planned; indexing them again');
          await written!.catch(() => {});
          written = index();
        }
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

function samePages(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && set.size === b.length && b.every((page) => set.has(page));
}
