declare module 'virtual:blog/feed-item-cache' {
  /** Where feed items are kept between builds; undefined outside `astro build` (src/integrations/feed-item-cache.ts). */
  export const settings: import('./content/feed-items').FeedItemCacheSettings | undefined;
}

declare namespace App {
  interface Locals {
    /** The figures an article's components show, from the page's props (src/components/mdx/facts.ts). */
    facts?: import('./content/queries').Facts | undefined;
  }
}
