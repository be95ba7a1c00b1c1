import { withBase } from './lib/i18n/paths';
import { absoluteUrl } from './lib/seo';

/**
 * The two impure URL helpers: they read the configured base and site once, so components can
 * write `href('/tags/')` and stay correct when the site is served under BASE_PATH.
 */

/** Site-relative path → path with the deployment base, for href and src attributes. */
export function href(path: string): string {
  return withBase(path, import.meta.env.BASE_URL);
}

/** Site-relative path → absolute URL on the configured site, for canonical links and feeds. */
export function absolute(path: string): string {
  return absoluteUrl(path, import.meta.env.SITE, import.meta.env.BASE_URL);
}
