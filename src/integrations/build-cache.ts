import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What the build keeps between builds, in Astro's cache directory (`node_modules/.astro/`), besides
 * Astro's own page cache: the content check's findings (`content-check.json`), the feed items
 * (`feed-items/`) and the search index's shards (`pagefind/`). Each is reused only while the site's
 * source is unchanged, judged by one fingerprint per build, and each file is replaced by a rename,
 * so that a build stopped halfway leaves the last whole file.
 */

/** Every file under a directory, as paths relative to it with `/`, in no particular order. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Writes a file by writing a temporary one beside it and renaming it over the old one. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

/** writeFileAtomic on libuv's thread pool, for files written while pages render. */
export async function writeFileAtomicAsync(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

/**
 * What the build's output can depend on besides the articles themselves: the code, the data and
 * the installed packages. Whatever is kept between builds on the strength of an article's text
 * alone (feed items, the content check's findings) holds only while these are unchanged.
 */
const SOURCES = ['src', 'content/data', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/** A digest of the site's source: every file of SOURCES, by path and content. */
export function sourceFingerprint(root: string): string {
  const files = SOURCES.flatMap((path) => {
    const full = join(root, path);
    if (!existsSync(full)) return [];
    return statSync(full).isFile() ? [path] : filesUnder(full).map((file) => `${path}/${file}`);
  });
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('base64url');
}

export interface BuildCache {
  /** The cache directory itself. */
  readonly root: string;
  /** The digest of the site's source (sourceFingerprint), worked out once per build. */
  readonly fingerprint: string;
  /** A folder of the cache, by name (created if missing). */
  dir(name: string): string;
  /** A JSON file of the cache, if it exists, parses and passes `valid`; otherwise undefined. */
  readJson<T>(name: string, valid: (value: unknown) => value is T): T | undefined;
  /** Replaces a JSON file of the cache (see writeFileAtomic). */
  writeJson(name: string, value: unknown): void;
}

const caches = new WeakMap<object, BuildCache>();

/**
 * The build cache of a build, by its Astro config (`root` and `cacheDir`): the integrations of one
 * build get the same one, so they share its fingerprint, and a new build (or a restarted dev
 * server) gets a new one.
 */
export function buildCache(config: { root: URL; cacheDir: URL }): BuildCache {
  let cache = caches.get(config);
  if (!cache) {
    const root = fileURLToPath(config.cacheDir);
    let fingerprint: string | undefined;
    cache = {
      root,
      get fingerprint() {
        fingerprint ??= sourceFingerprint(fileURLToPath(config.root));
        return fingerprint;
      },
      dir(name) {
        const dir = join(root, name);
        mkdirSync(dir, { recursive: true });
        return dir;
      },
      readJson<T>(name: string, valid: (value: unknown) => value is T) {
        try {
          const value: unknown = JSON.parse(readFileSync(join(root, name), 'utf8'));
          return valid(value) ? value : undefined;
        } catch {
          return undefined;
        }
      },
      writeJson(name, value) {
        writeFileAtomic(join(root, name), JSON.stringify(value));
      },
    };
    caches.set(config, cache);
  }
  return cache;
}
