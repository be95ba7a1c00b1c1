import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under a directory, as paths relative to it with `/`, in no particular order. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/**
 * What the build's output can depend on besides the articles themselves: the code, the data and
 * the installed packages. Whatever is kept between builds on the strength of an article's text
 * alone (feed items, the content check's findings) holds only while these are unchanged.
 */
const SOURCES = ['src', 'content/data', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/** The files of one of SOURCES, relative to the root: none if it is missing. */
function filesOf(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  return statSync(full).isFile() ? [path] : filesUnder(full).map((file) => `${path}/${file}`);
}

/** A digest of the site's source: every file of SOURCES, by path and content. */
export function sourceFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((path) => filesOf(root, path)).sort()) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('base64url');
}
