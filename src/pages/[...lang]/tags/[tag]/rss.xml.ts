import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../../content/feeds';
import { keyed, tagFeedPages } from '../../../../content/queries';
import { langParam, type Locale } from '../../../../lib/i18n';

export const getStaticPaths = (async () =>
  keyed(
    (await tagFeedPages()).map((page) => ({ params: { lang: langParam(page.locale), tag: page.tag }, props: page })),
  )) satisfies GetStaticPaths;

/** The articles of one tag page, as a feed. */
export const GET: APIRoute = ({ props }) => {
  const { locale, tag } = props as { locale: Locale; tag: string };
  return feedResponse(locale, tag);
};
