import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import pLimit from 'p-limit';
import { filesUnder, writeFileAtomic } from './build-cache';
import { isHashedFile, pageCount, shardDigest, staleFiles, type PagefindEntry } from '../lib/pagefind-files';
import { pageLanguage, planShards, SHARD_PLAN, shardDir } from '../lib/search-shards';

/**
 * Writes the search index of a built site: the Pagefind side of src/integrations/pagefind.ts, kept
 * apart from Astro so that the benchmark can run exactly this in a process of its own.
 *
 * A language with many pages is split into shards (src/lib/search-shards.ts), each indexed by a
 * Pagefind process of its own (pagefind-shard.mjs), so that an indexer holds one shard in memory;
 * `parallel` of them run at once. Each shard is written into a kept directory and linked or copied
 * into the output (see writeKept); a shard whose pages are byte for byte those it was last built
 * from is not indexed again, only linked. The plan, each language's shard count, is published as
 * `pagefind/shards.json` for the search script.
 */

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface SearchIndexOptions {
  /** The built site. */
  dist: string;
  /** Where the index goes, as `pagefind/` and its shards' folders (default: `dist`). */
  output?: string | undefined;
  /** The searchable pages: paths of HTML files relative to `dist`, with `/`. */
  pages: readonly string[];
  /** A directory kept between builds, for the shards' indexes (`<kept>/shard-<i>/`). */
  kept: string;
  /** A scratch directory, emptied and removed again while each shard is indexed. */
  stage: string;
  /** Pagefind's version (pagefindVersion()); without it, no kept index is reused. */
  version: string | undefined;
  logger?: Logger | undefined;
  /** How many shards may be indexed at once (default: one). */
  parallel?: number | undefined;
}

/** Indexes the searchable pages of a built site into `<dist>/pagefind/`, shard by shard. */
export async function writeSearchIndex(options: SearchIndexOptions): Promise<{ pages: number; shards: number }> {
  const { dist, kept, version, logger } = options;
  const pages = new Map(
    options.pages.map((path): [string, Page] => {
      const html = readFileSync(join(dist, path), 'utf8');
      return [path, { path, hash: createHash('sha1').update(html).digest('hex'), language: pageLanguage(html) }];
    }),
  );
  const { shards, counts } = planShards([...pages.values()].map((page) => [page.path, page.language] as const));
  const output = options.output ?? dist;
  mkdirSync(join(output, 'pagefind'), { recursive: true });
  writeFileSync(join(output, SHARD_PLAN), JSON.stringify(Object.fromEntries(counts)));

  const keptDirs = shards.map((_, i) => `shard-${i}`);
  // Shards of an earlier, larger split (and files of an older layout) are of no further use.
  if (existsSync(kept)) {
    for (const name of readdirSync(kept)) {
      if (!keptDirs.includes(name)) rmSync(join(kept, name), { recursive: true, force: true });
    }
  }
  const limit = pLimit(Math.max(1, options.parallel ?? 1));
  const indexShard = async (paths: string[], i: number) => {
    const shard: Shard = {
      pages: paths,
      kept: join(kept, keptDirs[i]!),
      out: join(output, shardDir(i)),
      digest: version
        ? shardDigest(
            version,
            paths.map((path) => pages.get(path)!),
          )
        : `unversioned ${Date.now()}`,
      dataOnly: i > 0,
    };
    const label = shards.length > 1 ? `shard ${i + 1} of ${shards.length}` : 'index';
    if (reuseKept(shard)) {
      logger?.info(`search ${label}: ${paths.length} pages unchanged, kept from the last build`);
      return;
    }
    await limit(async () => {
      const started = performance.now();
      await buildShard(dist, join(options.stage, keptDirs[i]!), shard, logger);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      logger?.info(`search ${label}: indexed ${paths.length} pages in ${seconds} s`);
    });
  };
  // All settle before a failure is reported, so that no indexer is left running.
  const results = await Promise.allSettled(shards.map(indexShard));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return { pages: pages.size, shards: shards.length };
}

/** A searchable page as read from the output: what its shard's digest and the checks need. */
interface Page {
  path: string;
  hash: string;
  language: string;
}

/** One shard of the index: its pages, where it is kept, where it is published, what it was built from. */
interface Shard {
  /** Paths of its pages, relative to dist/. */
  pages: readonly string[];
  kept: string;
  out: string;
  digest: string;
  /** Shards after the first publish only their index files (see isIndexData). */
  dataOnly: boolean;
}

function fail(what: string, errors: string[]): never {
  throw new Error(`Pagefind ${what}: ${errors.join('; ')}`);
}

const WHOLE = '.whole';

/** Files a shard after the first needs: the search script and its assets come from the first. */
const isIndexData = (file: string) => file === 'pagefind-entry.json' || isHashedFile(file);

/** Hard-links `from` to `to`, or copies it where a link is not possible (another device). */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** Creates the folders that the given files (relative to `root`) go into. */
function makeFolders(root: string, files: readonly string[]): void {
  for (const folder of new Set(files.map((file) => dirname(join(root, file))))) mkdirSync(folder, { recursive: true });
}

/**
 * Links or copies the files of a kept index into `out`. Hashed files are never rewritten once they
 * exist (Pagefind skips them and the next build starts with an empty dist/), so dist/ shares them
 * with hard links: on a busy disk, copying a thousand files took over a second, linking them 50 ms.
 * Pagefind rewrites its other files in place, so those are copied.
 */
function publish(shard: Shard, files: readonly string[]): void {
  const published = shard.dataOnly ? files.filter(isIndexData) : files;
  makeFolders(shard.out, published);
  for (const file of published) {
    const [from, to] = [join(shard.kept, file), join(shard.out, file)];
    if (isHashedFile(file)) linkOrCopy(from, to);
    else copyFileSync(from, to);
  }
}

/**
 * Indexes a shard's pages (linked into `stage`) into `kept`, a directory kept between builds, and
 * links or copies the index into `out`. Pagefind names fragment and word-index files after their
 * content and skips those that exist, so a rebuild compresses and writes only what changed; files the new index no longer
 * references are removed first (src/lib/pagefind-files.ts). The marker file `.whole` says the
 * directory is whole and holds the digest of the pages it was built from: without it (first
 * build, or a build stopped while writing) the directory is cleared, since a half-written file
 * would otherwise be kept for good. Returns false, having written nothing to `out`, when the
 * result does not add up, so that the caller can write the index directly instead.
 */
async function writeKept(shard: Shard, stage: string): Promise<boolean> {
  const { kept } = shard;
  const whole = join(kept, WHOLE);
  if (existsSync(whole)) rmSync(whole);
  else rmSync(kept, { recursive: true, force: true });
  const indexed = await runPagefind(stage, kept);
  if (indexed !== shard.pages.length) {
    fail('found the wrong number of pages', [`${indexed} indexed, ${shard.pages.length} searchable`]);
  }

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
  const fragments = files.filter((file) => file.startsWith('fragment/')).length;
  if (fragments !== pageCount(entry) || fragments !== shard.pages.length) return false;

  publish(shard, files);
  writeFileAtomic(whole, shard.digest);
  return true;
}

/** Publishes a kept shard built from the same pages, if there is one; false if there is not. */
function reuseKept(shard: Shard): boolean {
  const whole = join(shard.kept, WHOLE);
  if (!existsSync(whole) || readFileSync(whole, 'utf8') !== shard.digest) return false;
  publish(
    shard,
    filesUnder(shard.kept).filter((file) => file !== WHOLE),
  );
  return true;
}

/** Pagefind's version, from the package installed in the project; undefined if unreadable. */
export function pagefindVersion(root: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'node_modules/pagefind/package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}

const SHARD_SCRIPT = fileURLToPath(new URL('./pagefind-shard.mjs', import.meta.url));

/** Runs Pagefind over a folder of pages in a process of its own; resolves to the pages indexed. */
function runPagefind(pages: string, output: string): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [SHARD_SCRIPT, pages, output],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`Pagefind ${stderr.trim() || error.message}`));
        else resolve((JSON.parse(stdout) as { pages: number }).pages);
      },
    );
  });
}

/**
 * Indexes one shard: its pages are linked into a folder of their own, which Pagefind indexes in a
 * process of its own, so that its memory is returned when it ends.
 */
async function buildShard(dist: string, stage: string, shard: Shard, logger: Logger | undefined): Promise<void> {
  rmSync(stage, { recursive: true, force: true });
  makeFolders(stage, shard.pages);
  for (const path of shard.pages) linkOrCopy(join(dist, path), join(stage, path));
  try {
    if (!(await writeKept(shard, stage))) {
      logger?.warn('the index kept from the last build did not add up; writing it afresh');
      rmSync(shard.kept, { recursive: true, force: true });
      await runPagefind(stage, shard.out);
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
