import type { Facts } from '../../content/queries';

/**
 * The figures from content/data that the article components show. The page rendering an article
 * puts them in `Astro.locals.facts` from its own props (src/content/queries.ts articlePages), so
 * that its cache key covers them; the feeds do the same for their items (src/content/feeds.ts).
 */
export function factsOf(locals: App.Locals, component: string): Facts {
  if (!locals.facts) {
    throw new Error(
      `<${component}> shows figures from content/data, but the page rendering it passed none. ` +
        'List the component in COMPONENT_DATA (src/lib/facts-freshness.ts), so that articles using it get the facts in their props.',
    );
  }
  return locals.facts;
}
