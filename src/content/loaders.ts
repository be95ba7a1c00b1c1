import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DataStore, Loader } from 'astro/loaders';
import { bodyFacts, type BodyFacts } from '../lib/reading-time';

/**
 * Astro keeps every entry of a collection, raw body and rendered HTML included, in one data store
 * that is bundled into the build as a single module and loaded whole when pages render. For a blog
 * with thousands of articles that module is tens of megabytes per thousand posts, and bundling and
 * loading it costs more than the pages themselves.
 *
 * `htmlOnDisk()` wraps a loader so that a Markdown entry's rendered HTML is written to its own file
 * under Astro's cache directory and the store keeps only the file's path; the raw body is dropped
 * once what the site needs from it (reading time, components used) has been counted. MDX entries,
 * which Astro compiles as modules rather than storing HTML, keep their body and are left as they are.
 * `withRenderedHtml()` reads the HTML back when a page renders it.
 *
 * The files are written in the background while the loader renders the next entries, and `load()`
 * resolves only once they are all on disk: a synchronous write per entry kept the loader waiting
 * on the disk for about a quarter of the content sync.
 */

/** Where in an entry's rendered metadata the path of its HTML file is kept. */
const HTML_FILE = 'htmlFile';
/** Where in an entry's rendered metadata the facts counted from its body are kept. */
const BODY_FACTS = 'bodyFacts';

interface Rendered {
  html: string;
  metadata?: Record<string, unknown>;
}

/** The HTML file of an entry whose rendered HTML was moved out of the store, if it was. */
function htmlFileOf(entry: { rendered?: Rendered | undefined }): string | undefined {
  const file = entry.rendered?.metadata?.[HTML_FILE];
  return typeof file === 'string' ? file : undefined;
}

/** Wraps a loader (e.g. `glob()`) so that rendered Markdown lives in files instead of the data store. */
export function htmlOnDisk(inner: Loader): Loader {
  return {
    ...inner,
    name: `${inner.name}+html-on-disk`,
    load: (context) => {
      const dir = new URL(`rendered/${context.collection}/`, context.config.cacheDir);
      mkdirSync(dir, { recursive: true });
      const store = context.store;
      const writes: Promise<void>[] = [];
      const remove = (entry: { rendered?: Rendered | undefined } | undefined) => {
        const file = entry && htmlFileOf(entry);
        if (file) rmSync(file, { force: true });
      };
      // Astro's store is a plain object of functions; only these three change.
      const lean: DataStore = {
        ...store,
        // An entry whose HTML file has gone (a cleared cache) counts as missing, so the loader
        // renders it again instead of skipping it as unchanged.
        get: <TData extends Record<string, unknown>>(id: string) => {
          const entry = store.get<TData>(id);
          const file = entry && htmlFileOf(entry);
          return file && !existsSync(file) ? undefined : entry;
        },
        set: (entry) => {
          const rendered = entry.rendered;
          if (!rendered?.html || entry.body === undefined) return store.set(entry);
          const previous = store.get(entry.id);
          const file = fileURLToPath(new URL(`${entry.digest ?? entry.id}.html`, dir));
          if (previous && htmlFileOf(previous) !== file) remove(previous);
          writes.push(writeFile(file, rendered.html));
          const facts: BodyFacts = bodyFacts(entry.body);
          const { body: _body, ...rest } = entry;
          return store.set({
            ...rest,
            rendered: { html: '', metadata: { ...rendered.metadata, [HTML_FILE]: file, [BODY_FACTS]: facts } },
          });
        },
        delete: (id) => {
          remove(store.get(id));
          store.delete(id);
        },
      };
      const loaded = inner.load({ ...context, store: lean });
      // Wait for the writes even when the loader fails, then report the first failure.
      return loaded.then(
        async () => void (await Promise.all(writes)),
        async (error: unknown) => {
          await Promise.allSettled(writes);
          throw error;
        },
      );
    },
  };
}

/** An entry as this module needs it: Astro's collection entries match this shape. */
interface StoredEntry {
  body?: string | undefined;
  rendered?: Rendered | undefined;
}

/** Reading time and components of an entry, counted at load time or from its kept body. */
export function bodyFactsOf(entry: StoredEntry): BodyFacts {
  const stored = entry.rendered?.metadata?.[BODY_FACTS] as BodyFacts | undefined;
  return stored ?? bodyFacts(entry.body ?? '');
}

/**
 * The entry with its rendered HTML read back from disk, ready for Astro's `render()`. The read is
 * synchronous: Astro renders pages one at a time, and for a file of a few kilobytes a blocking read
 * takes a tenth of the time of the thread-pool round trips of an asynchronous one.
 */
export function withRenderedHtml<T extends StoredEntry>(entry: T): T {
  const file = htmlFileOf(entry);
  if (!file || !entry.rendered) return entry;
  return { ...entry, rendered: { ...entry.rendered, html: readFileSync(file, 'utf8') } };
}
