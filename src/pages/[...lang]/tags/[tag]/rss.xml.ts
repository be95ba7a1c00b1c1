import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../../content/feeds';
import { siteContent } from '../../../../content/queries';
import { langParam, locales, type Locale } from '../../../../lib/i18n';

export const getStaticPaths = (async () => {
  const { index } = await siteContent();
  return locales.flatMap((locale) =>
    index.tags[locale].map(({ tag }) => ({ params: { lang: langParam(locale), tag }, props: { locale, tag } })),
  );
}) satisfies GetStaticPaths;

/** The articles of one tag page, as a feed. */
export const GET: APIRoute = ({ props }) => {
  const { locale, tag } = props as { locale: Locale; tag: string };
  return feedResponse(locale, tag);
};
