import { createHash } from 'node:crypto';

/**
 * Which files of a Pagefind output directory the index just written no longer uses. Pagefind names
 * its fragment, word-index and filter files after a hash of their content and does not rewrite a
 * file that already exists, so writing each build's index into the same kept directory skips the
 * files of unchanged pages; the files of the previous index that the new one no longer references
 * (an edited page's old fragment, a page turned back into a draft) must then be removed.
 *
 * A language's `pf_meta` file lists the hashes its index references, as CBOR text strings; the
 * entry file lists each language's meta hash.
 */

export interface PagefindEntry {
  languages: Record<string, { hash: string; page_count: number }>;
}

const HASHED = /^(?:fragment|index|filter)\/([^/]+)\.pf_(?:fragment|index|filter)$/;
const META = /^pagefind\.(.+)\.pf_meta$/;

/** A string as a CBOR text item (major type 3): its length header, then its UTF-8 bytes. */
export function cborText(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const n = bytes.length;
  const header =
    n < 24
      ? [0x60 + n]
      : n < 0x100
        ? [0x78, n]
        : n < 0x10000
          ? [0x79, n >> 8, n & 0xff]
          : [0x7a, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from(header), bytes]);
}

/**
 * The files (paths relative to the output directory, with `/`) that belong to no language of the
 * current index: meta files of other index versions, and hashed files no current meta references.
 * `metas` are the current languages' decompressed `pf_meta` files. Pagefind's scripts, styles and
 * the entry file are rewritten on every write and never stale.
 */
export function staleFiles(files: readonly string[], entry: PagefindEntry, metas: readonly Uint8Array[]): string[] {
  const metaHashes = new Set(Object.values(entry.languages).map((language) => language.hash));
  return files.filter((file) => {
    const meta = META.exec(file);
    if (meta) return !metaHashes.has(meta[1]!);
    const hashed = HASHED.exec(file);
    if (!hashed) return false;
    const item = cborText(hashed[1]!);
    return !metas.some((m) => Buffer.from(m.buffer, m.byteOffset, m.byteLength).includes(item));
  });
}

/** Whether a file is one Pagefind names after its content and never rewrites once it exists. */
export function isHashedFile(file: string): boolean {
  return HASHED.test(file) || META.test(file);
}

/** The number of pages the entry file says the index holds: one fragment file each. */
export function pageCount(entry: PagefindEntry): number {
  return Object.values(entry.languages).reduce((n, language) => n + language.page_count, 0);
}

/**
 * What a shard's index is built from, as one string: Pagefind's version and each page's path and
 * content hash, in path order. Equal digests mean an equal index, so a kept one can be reused.
 */
export function shardDigest(pagefindVersion: string, pages: readonly { path: string; hash: string }[]): string {
  const lines = pages.map((page) => `${page.path}\0${page.hash}`).sort();
  return createHash('sha256')
    .update(`pagefind ${pagefindVersion}\n${lines.join('\n')}`)
    .digest('hex');
}
