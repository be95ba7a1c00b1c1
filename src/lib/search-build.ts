import { planShards } from './search-shards';

/**
 * Pure pieces of building the search index while Astro renders: which pages go first, and when a
 * shard's pages are all written. The integration in src/integrations/pagefind.ts wires them up.
 */

/** A path to prerender, reduced to what ordering needs. */
export interface PathOfRoute {
  pathname: string;
  route: { component: string };
  /** Set when Astro's incremental build may restore the page from the last build instead of rendering it. */
  cacheKey?: string | undefined;
}

/**
 * The paths with those of the indexed routes first, each group in its original order. Rendering
 * the searchable pages first lets Pagefind write its index while the remaining pages (feeds, tag
 * pages) render on the other core.
 */
export function indexedFirst<T extends PathOfRoute>(paths: readonly T[], indexed: ReadonlySet<string>): T[] {
  const first: T[] = [];
  const rest: T[] = [];
  for (const path of paths) (indexed.has(path.route.component) ? first : rest).push(path);
  return [...first, ...rest];
}

/**
 * The paths with one that has no cache key first: Astro renders such a page on every build, where
 * it may restore the others from the last build without rendering them. Put right after the
 * searchable pages, its render says at once that they are all written.
 */
export function uncachedFirst<T extends PathOfRoute>(paths: readonly T[]): T[] {
  const i = paths.findIndex((path) => path.cacheKey === undefined);
  return i <= 0 ? [...paths] : [paths[i]!, ...paths.slice(0, i), ...paths.slice(i + 1)];
}

/** The file a page is written to in Astro's `directory` build format, relative to the output. */
export function directoryPage(pathname: string): string {
  const path = pathname.replace(/^\/+/, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : `${path}/index.html`;
}

/** The searchable pages in shard order, and what the index needs to know of them before they exist. */
export interface ShardOrder<T> {
  /** The paths, shard 0's pages first, then shard 1's, and so on. */
  paths: T[];
  /** Each page (its file, see directoryPage) and its language. */
  languages: Map<string, string>;
  /** For each shard, how many of `paths` come before its end. */
  ends: number[];
}

/**
 * Orders searchable paths shard by shard, as the index will split them (planShards): rendered in
 * this order, a shard's pages are all written early, and it can be indexed while the next shards'
 * pages render, rather than once every searchable page is written.
 */
export function shardOrder<T extends PathOfRoute>(
  paths: readonly T[],
  languageOf: (pathname: string) => string,
): ShardOrder<T> {
  const languages = new Map<string, string>();
  const byPage = new Map<string, T>();
  for (const path of paths) {
    const page = directoryPage(path.pathname);
    languages.set(page, languageOf(path.pathname).toLowerCase());
    byPage.set(page, path);
  }
  const { shards } = planShards(languages);
  const ordered: T[] = [];
  const ends: number[] = [];
  for (const shard of shards) {
    for (const page of shard) ordered.push(byPage.get(page)!);
    ends.push(ordered.length);
  }
  return { paths: ordered, languages, ends };
}

/**
 * The shards whose pages are all written once `rendered` searchable pages have been handed to the
 * renderer before the current one, in shard order. Astro renders one page at a time and writes it
 * before rendering the next; pages it restores from an earlier build instead of rendering are
 * written too, so counting only rendered pages can make a shard ready late, never early.
 */
export function shardsWritten(ends: readonly number[], rendered: number): number[] {
  return ends.flatMap((end, shard) => (end <= rendered ? [shard] : []));
}

/**
 * How many of the searchable pages, in shard order, are surely written, judged by which files
 * exist: pages Astro restores from the last build are copied into the output without being
 * rendered, so only their files tell. Astro writes one page at a time, in order, into an output
 * directory it emptied first; once a page's file exists, every page before it is whole. Only the
 * first page of each shard after the first is looked at (`files[end]` for each shard's `end`), so
 * the answer is one of `ends`, or 0.
 */
export function writtenByFiles(
  files: readonly string[],
  ends: readonly number[],
  exists: (file: string) => boolean,
): number {
  let written = 0;
  for (const end of ends) {
    if (end >= files.length || !exists(files[end]!)) break;
    written = end;
  }
  return written;
}
