import { getRssString } from '@astrojs/rss';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { feedComponents } from '../components/mdx/feed';
import { ATOM_NS, channelExtras, feedContent, lastUpdated, withCssStylesheet } from '../lib/feed';
import { htmlLang, routes, tagLabel, useTranslations, type Locale } from '../lib/i18n';
import type { Post } from '../lib/posts';
import { absolute, href } from '../url';
import { renderPost, siteContent } from './queries';

/**
 * Feeds, built from the same cached index as the pages. Each article's full HTML is rendered once
 * per build with Astro's container (so MDX components work) and reused by the language feed and
 * every tag feed it appears in.
 */

let container: Promise<AstroContainer> | undefined;
const html = new Map<string, Promise<string>>();

async function getContainer(): Promise<AstroContainer> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  return container;
}

/** The article body as self-contained HTML for `content:encoded`. */
function articleHtml(post: Post): Promise<string> {
  let cached = html.get(post.id);
  if (!cached) {
    cached = (async () => {
      const { entries } = await siteContent();
      const { Content } = await renderPost(entries.get(post.id)!);
      const url = absolute(routes.post(post.locale, post.slug));
      const rendered = await (await getContainer()).renderToString(Content, {
        props: { components: feedComponents },
        request: new Request(url),
      });
      return feedContent(rendered, url);
    })();
    html.set(post.id, cached);
  }
  return cached;
}

/** The RSS 2.0 document of a language, or of one tag in that language. */
export async function feedXml(locale: Locale, tag?: string): Promise<string> {
  const { index } = await siteContent();
  const t = useTranslations(locale);
  const posts = tag ? (index.tags[locale].find((s) => s.tag === tag)?.posts ?? []) : index.byLocale[locale];
  const selfPath = tag ? routes.tagRss(locale, tag) : routes.rss(locale);
  const items = await Promise.all(
    posts.map(async (post) => ({
      title: post.title,
      link: absolute(routes.post(locale, post.slug)),
      pubDate: post.pubDate,
      description: post.description,
      categories: post.tags,
      content: await articleHtml(post),
    })),
  );
  const xml = await getRssString({
    title: t['feed.title'](tag ? tagLabel(tag, locale) : undefined),
    description: t['site.intro'],
    site: absolute(tag ? routes.tag(locale, tag) : routes.home(locale)),
    xmlns: { atom: ATOM_NS },
    items,
    customData: channelExtras({
      language: htmlLang[locale],
      lastBuildDate: lastUpdated(posts),
      selfUrl: absolute(selfPath),
      browserNote: {
        heading: t['feed.heading'],
        body: t['feed.body'],
        linkText: t['feed.how'],
        linkUrl: absolute(routes.subscribe(locale)),
        homeText: t['feed.home'],
        homeUrl: absolute(routes.home(locale)),
      },
    }),
  });
  return withCssStylesheet(xml, href('/feed.css'));
}

/** An HTTP response for a feed. */
export async function feedResponse(locale: Locale, tag?: string): Promise<Response> {
  return new Response(await feedXml(locale, tag), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  });
}
