import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../content/feeds';
import { feedPages } from '../../content/queries';
import { langParam, type Locale } from '../../lib/i18n';

export const getStaticPaths = (async () =>
  (await feedPages('language')).map(({ locale, cacheKey }) => ({
    params: { lang: langParam(locale) },
    props: { locale },
    cacheKey,
  }))) satisfies GetStaticPaths;

/** Every published article of the language, newest first, in full. */
export const GET: APIRoute = ({ props }) => feedResponse((props as { locale: Locale }).locale);
