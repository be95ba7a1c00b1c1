/**
 * How the search index is split once a language has many articles.
 *
 * Pagefind builds an index in memory (about half a megabyte per article page) and has no
 * incremental mode: one index of 10,000 articles needs over 5 GiB, and is built again whole when
 * one article changes. So above SHARD_PAGES pages, a language's pages are spread over several
 * indexes ("shards") by a hash of their path, and from SPLIT_PAGES over two at least. Each shard is
 * built on its own, two at once; a rebuild builds again only the shards whose pages changed; the search script merges the shards
 * of the reader's language with Pagefind's `mergeIndex`. A search then fetches one meta file and
 * one word chunk per shard, in parallel, where one index would fetch one of each, about as many
 * bytes in all. A site with fewer than SPLIT_PAGES pages per language has a single index, as if
 * unsharded.
 *
 * Shard 0 is the ordinary bundle at `pagefind/`, with Pagefind's scripts; shard i > 0 holds only
 * index files, at `pagefind/shard-i/`, and holds the i-th shard of every language that has more
 * than i shards.
 */

/** The most pages of one language a shard is meant to hold (hashing spreads them about evenly). */
export const SHARD_PAGES = 2000;

/**
 * From this many pages, a language is split in two at least. The index is written after the pages,
 * by two Pagefind processes at once; one shard per language would leave a core idle while a
 * site's main language is indexed, and make a rebuild index all of it again.
 */
export const SPLIT_PAGES = 400;

/** How many shards a language with this many searchable pages is split into (at least one). */
export function shardCount(pages: number): number {
  if (!Number.isInteger(pages) || pages < 0) throw new RangeError(`shardCount: bad page count ${pages}`);
  return Math.max(pages >= SPLIT_PAGES ? 2 : 1, Math.ceil(pages / SHARD_PAGES));
}

/** FNV-1a, 32 bits, over the UTF-16 code units: stable across builds, machines and Node versions. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The shard (0 to count - 1) of a page, from its path in the output directory. A page keeps its
 * shard while the count stays the same, so adding or editing an article changes one shard only.
 */
export function shardOf(path: string, count: number): number {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`shardOf: bad shard count ${count}`);
  return count === 1 ? 0 : fnv1a(path) % count;
}

/** The directory of shard i, relative to the site's root, with a trailing slash. */
export function shardDir(i: number): string {
  return i === 0 ? 'pagefind/' : `pagefind/shard-${i}/`;
}

/**
 * The URLs of a language's shards, given the deployment base (e.g. `/blog/`): the first is the
 * bundle whose script a page loads, the others are merged into it.
 */
export function shardUrls(count: number, base: string): string[] {
  const root = base.endsWith('/') ? base : `${base}/`;
  return Array.from({ length: Math.max(1, count) }, (_, i) => `${root}${shardDir(i)}`);
}

/**
 * Assigns pages to shards: `pages` maps a page's path in the output directory to its language.
 * Returns, per shard, the pages it holds (shard 0 first), and per language, its shard count.
 */
export function planShards<L extends string>(
  pages: Iterable<readonly [path: string, language: L]>,
): { shards: string[][]; counts: Map<L, number> } {
  const byLanguage = new Map<L, string[]>();
  for (const [path, language] of pages) {
    const list = byLanguage.get(language);
    if (list) list.push(path);
    else byLanguage.set(language, [path]);
  }
  const counts = new Map<L, number>();
  const shards: string[][] = [[]];
  for (const [language, paths] of byLanguage) {
    const count = shardCount(paths.length);
    counts.set(language, count);
    while (shards.length < count) shards.push([]);
    for (const path of paths) shards[shardOf(path, count)]!.push(path);
  }
  for (const shard of shards) shard.sort();
  return { shards, counts };
}

/**
 * The published shard plan, relative to the site's root: each language (as Pagefind reads it from
 * `<html lang>`, lower case) and how many shards it is split into, e.g. `{"en": 3, "zh-cn": 2}`.
 */
export const SHARD_PLAN = 'pagefind/shards.json';

/** How many shards a language has, by the published plan; one when the plan does not say. */
export function shardsOf(plan: unknown, language: string): number {
  const count =
    plan !== null && typeof plan === 'object' ? (plan as Record<string, unknown>)[language.toLowerCase()] : undefined;
  return typeof count === 'number' && Number.isInteger(count) && count >= 1 ? count : 1;
}

const HTML_LANG = /<html\b[^>]*?\slang=["']?([^"'\s>]+)/i;

/** A page's language as Pagefind reads it, from `<html lang>` ("unknown" without one). */
export function pageLanguage(html: string): string {
  return HTML_LANG.exec(html.slice(0, 4096))?.[1]?.toLowerCase() ?? 'unknown';
}
