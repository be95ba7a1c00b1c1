import Callout from './Callout.astro';
import SubscribeCta from './SubscribeCta.astro';

/** Components available in every MDX article without an import line. */
export const mdxComponents = { Callout, SubscribeCta };
