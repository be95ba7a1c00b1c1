import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger, AstroPrerenderer, PathWithRoute, RouteData } from 'astro';
import * as pagefind from 'pagefind';
import { filesUnder } from './files';
import { isHashedFile, pageCount, staleFiles, type PagefindEntry } from '../lib/pagefind-files';
import { indexedFirst } from '../lib/search-build';

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

function fail(what: string, errors: string[]): never {
  throw new Error(`Pagefind ${what}: ${errors.join('; ')}`);
}

/**
 * Writes the index into `kept`, a directory kept between builds, and links or copies it into `out`.
 * Pagefind names fragment and word-index files after their content and skips those that exist, so
 * a rebuild compresses and writes only what changed; files the new index no longer references are
 * removed first (src/lib/pagefind-files.ts). A marker file says the directory is whole: without it
 * (first build, or a build stopped while writing) the directory is cleared, since a half-written
 * file would otherwise be kept for good. Returns false, having written nothing to `out`, when the
 * result does not add up, so that the caller can write the index directly instead.
 */
async function writeKept(index: pagefind.PagefindIndex, kept: string, out: string): Promise<boolean> {
  const whole = join(kept, '.whole');
  if (existsSync(whole)) rmSync(whole);
  else rmSync(kept, { recursive: true, force: true });
  const result = await index.writeFiles({ outputPath: kept });
  if (result.errors.length > 0) fail('could not write its index', result.errors);

  let entry: PagefindEntry;
  let metas: Buffer[];
  try {
    entry = JSON.parse(readFileSync(join(kept, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    metas = Object.values(entry.languages).map((language) =>
      gunzipSync(readFileSync(join(kept, `pagefind.${language.hash}.pf_meta`))),
    );
  } catch {
    return false; // Not the layout this code knows (another Pagefind version?): write afresh.
  }
  const listed = filesUnder(kept);
  const stale = new Set(staleFiles(listed, entry, metas));
  for (const file of stale) rmSync(join(kept, file));
  const files = listed.filter((file) => !stale.has(file));
  if (files.filter((file) => file.startsWith('fragment/')).length !== pageCount(entry)) return false;

  // Hashed files are never rewritten once they exist (Pagefind skips them and the next build
  // starts with an empty dist/), so dist/ shares them with hard links: on a busy disk, copying a
  // thousand files took over a second, linking them 50 ms. Pagefind rewrites its other files in
  // place, so those are copied; so is everything when links are not possible (another device).
  for (const folder of new Set(files.map((file) => dirname(join(out, file))))) mkdirSync(folder, { recursive: true });
  for (const file of files) {
    const [from, to] = [join(kept, file), join(out, file)];
    if (isHashedFile(file)) {
      try {
        linkSync(from, to);
        continue;
      } catch {
        // Copied below.
      }
    }
    copyFileSync(from, to);
  }
  writeFileSync(whole, '');
  return true;
}

/**
 * Builds the Pagefind index (into dist/pagefind/) while Astro renders, instead of after it: the
 * searchable pages are rendered first, and as soon as they are all in dist/ (rendered, or restored
 * by the incremental build), Pagefind's indexer, a separate process, reads them and writes its
 * index while the remaining pages (feeds, tag pages) render. On a two-core machine that takes most
 * of Pagefind off the build's critical path. The index is written into Astro's cache directory
 * and linked or copied into dist/ (see writeKept), so that a rebuild writes only what changed.
 *
 * `astro dev` serves the last build's index, so search works while writing.
 */
export function pagefindIndex(options: PagefindIndexOptions): AstroIntegration {
  const indexedRoutes = new Set(options.routes);
  let outDir: URL;
  let cacheDir: URL;
  let logger: AstroIntegrationLogger | undefined;
  let base = '/';
  const searchable = new Map<string, RouteData>();
  let written: Promise<number> | undefined;
  let stray: string | undefined;

  /** Indexes the searchable pages of dist/ and writes the index; resolves to the number of pages. */
  const index = async (): Promise<number> => {
    const dist = fileURLToPath(outDir);
    const created = await pagefind.createIndex({});
    if (!created.index) fail('could not start', created.errors);
    // dist/ is emptied when a build starts and the searchable pages render first, so at this point
    // it holds those pages and public/ files; Pagefind also skips any page without data-pagefind-body.
    const added = await created.index.addDirectory({ path: dist });
    if (added.errors.length > 0) fail('could not index dist/', added.errors);
    const expected = [...searchable.values()].reduce((n, route) => n + (route.distURL?.length ?? 0), 0);
    if (added.page_count < expected) {
      fail('found too few pages', [`${added.page_count} HTML files in dist/, ${expected} searchable pages built`]);
    }
    const out = join(dist, 'pagefind');
    const kept = fileURLToPath(new URL('pagefind/', cacheDir));
    if (!(await writeKept(created.index, kept, out))) {
      logger?.warn('the index kept from the last build did not add up; writing it afresh');
      rmSync(kept, { recursive: true, force: true });
      const result = await created.index.writeFiles({ outputPath: out });
      if (result.errors.length > 0) fail('could not write its index', result.errors);
    }
    await pagefind.close();
    return expected;
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
        startIndexing();
        const pages = await written!;
        logger.info(`indexed ${pages} pages into pagefind/`);
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
