import type { APIRoute, GetStaticPaths } from 'astro';
import { articlePages, keyed } from '../../../../content/queries';
import { cardFor, prepareCards } from '../../../../content/social-cards';
import { formatDate } from '../../../../lib/dates';
import { htmlLang, langParam, tagLabel } from '../../../../lib/i18n';
import type { Post } from '../../../../lib/posts';
import { siteConfig } from '../../../../site.config';

/** What an article's card shows. */
const cardOf = (post: Post) => ({
  site: siteConfig.title[post.locale],
  title: post.title,
  description: post.description,
  date: formatDate(post.pubDate, post.locale),
  tags: post.tags.map((tag) => tagLabel(tag, post.locale)),
  lang: htmlLang[post.locale],
});

/** One social card per article, /posts/<slug>/card.png, reused while its text is unchanged. */
export const getStaticPaths = (async () => {
  const pages = await articlePages();
  // Which cards Astro will restore from its cache is not known here; a card drawn before is read
  // from the kept cards instead of drawn (src/content/social-cards.ts).
  prepareCards(pages.map(({ post }) => cardOf(post)));
  // The card's text is all it shows, and so its cache key: a change elsewhere on the page keeps it.
  return keyed(
    pages.map(({ post }) => ({
      params: { lang: langParam(post.locale), slug: post.slug },
      props: { card: cardOf(post) },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await cardFor((props as { card: ReturnType<typeof cardOf> }).card);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
