import type { APIRoute, GetStaticPaths } from 'astro';
import { articlePages, keyed } from '../../../../content/queries';
import { cardFor, cardOf, prepareCards } from '../../../../content/social-cards';
import { langParam } from '../../../../lib/i18n';
import type { CardInput } from '../../../../lib/social-card';

/** One social card per article, /posts/<slug>/card.png, reused while its text is unchanged. */
export const getStaticPaths = (async () => {
  const cards = (await articlePages()).map(({ post }) => ({ post, card: cardOf(post) }));
  // Which cards Astro will restore from its cache is not known here; a card drawn before is read
  // from the kept cards instead of drawn (src/content/social-cards.ts).
  prepareCards(cards.map(({ card }) => card));
  // The card's text is all it shows, and so its cache key: a change elsewhere on the page keeps it.
  return keyed(
    cards.map(({ post, card }) => ({
      params: { lang: langParam(post.locale), slug: post.slug },
      props: { card },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await cardFor((props as { card: CardInput }).card);
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
