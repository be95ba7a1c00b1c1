import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../content/feeds';
import { langParam, locales, type Locale } from '../../lib/i18n';

// Not keyed (no cache key): a language's feed lists every article of the language in full, so it changes with
// any of them, and is rendered afresh on every build (from kept feed items, so quickly). Astro's
// incremental build keeps only pages with a cacheKey, and keeping this one would mean reading the
// whole feed (over 150 MB at 10,000 articles) and copying it twice.
export const getStaticPaths = (() =>
  locales.map((locale) => ({ params: { lang: langParam(locale) }, props: { locale } }))) satisfies GetStaticPaths;

/** Every published article of the language, newest first, in full. */
export const GET: APIRoute = ({ props }) => feedResponse((props as { locale: Locale }).locale);
