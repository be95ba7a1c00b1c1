import { defaultLocale, isLocale, locales, type Locale } from './locales';

/**
 * URL building for every internal link. Paths are site-relative ("/posts/x/") until `withBase`
 * prefixes the deployment sub-path, so the same code works at "/" and under `BASE_PATH`.
 */

/** Joins the configured base ("/", "/blog" or "/blog/") with a site-relative path. */
export function withBase(path: string, base: string): string {
  const trimmedBase = base.replace(/\/+$/, '');
  const rel = path.startsWith('/') ? path : `/${path}`;
  return `${trimmedBase}${rel}`;
}

/** Removes the deployment base from a pathname, returning a site-relative path. */
export function stripBase(pathname: string, base: string): string {
  const trimmedBase = base.replace(/\/+$/, '');
  if (trimmedBase && (pathname === trimmedBase || pathname.startsWith(`${trimmedBase}/`))) {
    return pathname.slice(trimmedBase.length) || '/';
  }
  return pathname;
}

/** Site-relative prefix of a locale: "" for the default locale, "/zh" for Chinese. */
export function localePrefix(locale: Locale): string {
  return locale === defaultLocale ? '' : `/${locale}`;
}

/** Prefixes a site-relative path with the locale's folder: ("/tags/", "zh") → "/zh/tags/". */
export function localizePath(path: string, locale: Locale): string {
  const rel = path.startsWith('/') ? path : `/${path}`;
  return `${localePrefix(locale)}${rel}`;
}

/** Reads the locale from a site-relative path ("/zh/posts/x/" → "zh", "/posts/x/" → "en"). */
export function localeFromPath(path: string): Locale {
  const first = path.split('/').filter(Boolean)[0];
  return isLocale(first) && first !== defaultLocale ? first : defaultLocale;
}

/** Route parameter for `[...lang]` pages: undefined for the default locale (served at the root). */
export function langParam(locale: Locale): string | undefined {
  return locale === defaultLocale ? undefined : locale;
}

/** Site-relative URLs of every kind of page, per locale. */
export const routes = {
  home: (locale: Locale) => localizePath('/', locale),
  post: (locale: Locale, slug: string) => localizePath(`/posts/${slug}/`, locale),
  tags: (locale: Locale) => localizePath('/tags/', locale),
  tag: (locale: Locale, tag: string) => localizePath(`/tags/${tag}/`, locale),
  series: (locale: Locale, key: string) => localizePath(`/series/${key}/`, locale),
  archive: (locale: Locale) => localizePath('/archive/', locale),
  about: (locale: Locale) => localizePath('/about/', locale),
  rss: (locale: Locale) => localizePath('/rss.xml', locale),
  manifest: (locale: Locale) => localizePath('/manifest.webmanifest', locale),
  search: (locale: Locale) => localizePath('/search/', locale),
  subscribe: (locale: Locale) => localizePath('/subscribe/', locale),
  tools: (locale: Locale, tool?: 'cost' | 'decide') => localizePath(tool ? `/tools/${tool}/` : '/tools/', locale),
  tagRss: (locale: Locale, tag: string) => localizePath(`/tags/${tag}/rss.xml`, locale),
} as const;

/** getStaticPaths entries for a `[...lang]` route: one page per locale. */
export function localeStaticPaths() {
  return locales.map((locale) => ({ params: { lang: langParam(locale) }, props: { locale } }));
}

/**
 * A page's path in every locale, for pages that exist in all of them (the `alternates` of a page):
 * `alternatesOf(routes.archive)`, `alternatesOf((l) => routes.tools(l, 'cost'))`.
 */
export function alternatesOf(route: (locale: Locale) => string): Record<Locale, string> {
  return Object.fromEntries(locales.map((locale) => [locale, route(locale)])) as Record<Locale, string>;
}
