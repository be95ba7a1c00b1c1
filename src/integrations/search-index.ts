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
 * A language with many pages is split into shards (src/lib/search-shards.ts). Each language of
 * each shard (a part) is indexed by a Pagefind process of its own (pagefind-shard.mjs), so that an
 * indexer holds one part in memory; `parallel` of them run at once. Each part is written into a
 * kept directory and linked or copied into the output (see writeKept); a part whose pages are byte
 * for byte those it was last built from is not indexed again, only linked. The plan, each language's shard count, is published as
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
  /** A directory kept between builds, for the parts' indexes (`<kept>/shard-<i>-<language>/`). */
  kept: string;
  /** A scratch directory, emptied and removed again while each shard is indexed. */
  stage: string;
  /** Pagefind's version (pagefindVersion()); without it, no kept index is reused. */
  version: string | undefined;
  logger?: Logger | undefined;
  /** How many parts may be indexed at once (default: one). */
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

  // Each language of a shard is indexed on its own (a "part"), so that the two languages of a
  // small site are indexed at once, and an edit re-indexes only its own language's part.
  const parts = shards.flatMap((paths, i) => {
    const byLanguage = Map.groupBy(paths, (path) => pages.get(path)!.language);
    const groups = byLanguage.size > 0 ? [...byLanguage] : [['none', []] as [string, string[]]];
    return groups.map(([language, partPages]) => ({ shard: i, language, pages: partPages }));
  });
  const keptDirs = parts.map(({ shard, language }) => `shard-${shard}-${language.replace(/[^a-z0-9-]/g, '_')}`);
  // Parts of an earlier split (and files of an older layout) are of no further use.
  if (existsSync(kept)) {
    for (const name of readdirSync(kept)) {
      if (!keptDirs.includes(name)) rmSync(join(kept, name), { recursive: true, force: true });
    }
  }
  const limit = pLimit(Math.max(1, options.parallel ?? 1));
  const indexPart = async ({ shard: i, language, pages: paths }: (typeof parts)[number], j: number) => {
    const part: Part = {
      pages: paths,
      kept: join(kept, keptDirs[j]!),
      out: join(output, shardDir(i)),
      digest: version
        ? shardDigest(
            version,
            paths.map((path) => pages.get(path)!),
          )
        : `unversioned ${Date.now()}`,
      dataOnly: i > 0,
    };
    const label = `search ${shards.length > 1 ? `shard ${i + 1} of ${shards.length}` : 'index'}, ${language}`;
    if (reuseKept(part)) {
      logger?.info(`${label}: ${paths.length} pages unchanged, kept from the last build`);
      return;
    }
    await limit(async () => {
      const started = performance.now();
      await buildPart(dist, join(options.stage, keptDirs[j]!), part);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      logger?.info(`${label}: indexed ${paths.length} pages in ${seconds} s`);
    });
  };
  // All settle before a failure is reported, so that no indexer is left running.
  const results = await Promise.allSettled(parts.map(indexPart));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  // Each part published its own entry file; a shard's entry lists the languages of all its parts.
  for (const [i] of shards.entries()) {
    const entries = parts.flatMap((part, j) => (part.shard === i ? [readEntry(join(kept, keptDirs[j]!))] : []));
    writeFileSync(
      join(output, shardDir(i), 'pagefind-entry.json'),
      JSON.stringify({ ...entries[0], languages: Object.assign({}, ...entries.map((entry) => entry.languages)) }),
    );
  }
  return { pages: pages.size, shards: shards.length };
}

function readEntry(dir: string): PagefindEntry {
  return JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
}

/** A searchable page as read from the output: what its shard's digest and the checks need. */
interface Page {
  path: string;
  hash: string;
  language: string;
}

/** One language of one shard of the index: its pages, where it is kept and published, what it was built from. */
interface Part {
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
function publish(part: Part, files: readonly string[]): void {
  const published = part.dataOnly ? files.filter(isIndexData) : files;
  makeFolders(part.out, published);
  for (const file of published) {
    const [from, to] = [join(part.kept, file), join(part.out, file)];
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
async function writeKept(part: Part, stage: string): Promise<boolean> {
  const { kept } = part;
  const whole = join(kept, WHOLE);
  if (existsSync(whole)) rmSync(whole);
  else rmSync(kept, { recursive: true, force: true });
  const indexed = await runPagefind(stage, kept);
  if (indexed !== part.pages.length) {
    fail('found the wrong number of pages', [`${indexed} indexed, ${part.pages.length} searchable`]);
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
  if (fragments !== pageCount(entry) || fragments !== part.pages.length) return false;

  publish(part, files);
  writeFileAtomic(whole, part.digest);
  return true;
}

/** Publishes a kept shard built from the same pages, if there is one; false if there is not. */
function reuseKept(part: Part): boolean {
  const whole = join(part.kept, WHOLE);
  if (!existsSync(whole) || readFileSync(whole, 'utf8') !== part.digest) return false;
  publish(
    part,
    filesUnder(part.kept).filter((file) => file !== WHOLE),
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
 * Indexes one part: its pages are linked into a folder of their own, which Pagefind indexes in a
 * process of its own, so that its memory is returned when it ends.
 */
async function buildPart(dist: string, stage: string, part: Part): Promise<void> {
  rmSync(stage, { recursive: true, force: true });
  makeFolders(stage, part.pages);
  for (const path of part.pages) linkOrCopy(join(dist, path), join(stage, path));
  try {
    if (!(await writeKept(part, stage))) {
      // What was kept did not add up: index afresh into an empty folder, where nothing can be stale,
      // and leave it unmarked, so that the next build indexes it again.
      rmSync(part.kept, { recursive: true, force: true });
      await runPagefind(stage, part.kept);
      publish(part, filesUnder(part.kept));
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
