import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../../content/feeds';
import { feedPages } from '../../../../content/queries';
import { langParam, type Locale } from '../../../../lib/i18n';

export const getStaticPaths = (async () =>
  (await feedPages('tag')).map(({ locale, tag, cacheKey }) => ({
    params: { lang: langParam(locale), tag },
    props: { locale, tag },
    cacheKey,
  }))) satisfies GetStaticPaths;

/** The articles of one tag page, as a feed. */
export const GET: APIRoute = ({ props }) => {
  const { locale, tag } = props as { locale: Locale; tag: string };
  return feedResponse(locale, tag);
};
