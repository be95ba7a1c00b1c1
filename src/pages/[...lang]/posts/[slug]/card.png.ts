import type { APIRoute, GetStaticPaths } from 'astro';
import { articlePages } from '../../../../content/queries';
import { renderCard } from '../../../../content/social-cards';
import { formatDate } from '../../../../lib/dates';
import { htmlLang, langParam, tagLabel } from '../../../../lib/i18n';
import type { Post } from '../../../../lib/posts';
import { siteConfig } from '../../../../site.config';

/** One social card per article, /posts/<slug>/card.png, reused while its text is unchanged. */
export const getStaticPaths = (async () =>
  (await articlePages()).map(({ post }) => ({
    params: { lang: langParam(post.locale), slug: post.slug },
    props: { post },
    // What the card shows, and nothing else: a change elsewhere on the page keeps the card.
    cacheKey: JSON.stringify([post.title, post.description, post.pubDate, post.tags, post.locale]),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { post } = props as { post: Post };
  const png = await renderCard({
    site: siteConfig.title[post.locale],
    title: post.title,
    description: post.description,
    date: formatDate(post.pubDate, post.locale),
    tags: post.tags.map((tag) => tagLabel(tag, post.locale)),
    lang: htmlLang[post.locale],
  });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
