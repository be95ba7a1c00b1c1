/**
 * Pure piece of building the search index while Astro renders: which pages go first. The
 * integration in src/integrations/pagefind.ts wires it up.
 */

/** A path to prerender, reduced to what ordering needs. */
export interface PathOfRoute {
  route: { component: string };
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
