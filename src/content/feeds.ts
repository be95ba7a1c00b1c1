import { getRssString } from '@astrojs/rss';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { feedComponents } from '../components/mdx/feed';
import {
  ATOM_NS,
  CONTENT_NS,
  channelExtras,
  feedContent,
  itemElement,
  lastUpdated,
  splitChannel,
  withCssStylesheet,
} from '../lib/feed';
import { htmlLang, routes, tagLabel, useTranslations, type Locale } from '../lib/i18n';
import type { Post } from '../lib/posts';
import { absolute, href } from '../url';
import { settings } from 'virtual:blog/feed-item-cache';
import { FeedItemStore, type ShelvedItem } from './feed-items';
import { facts, renderPost, siteContent, type PostEntry } from './queries';

/**
 * Feeds, built from the same cached index as the pages. Each article becomes an RSS `<item>` once
 * per build: its full HTML rendered with Astro's container (so MDX components work) and serialized
 * by @astrojs/rss. The language feed and every tag feed it appears in reuse that item, so a post's
 * HTML is escaped once rather than once per feed. In a build, items wait on disk rather than in
 * memory, and are kept for the next build (./feed-items.ts), so a rebuild serializes only the items
 * of articles that changed.
 */

let container: Promise<AstroContainer> | undefined;
/** Each post's shelved item, by post id. */
const items = new Map<string, Promise<ShelvedItem>>();
const store = new FeedItemStore(settings);
const encoder = new TextEncoder();

async function getContainer(): Promise<AstroContainer> {
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  return container;
}

/** The article body, at its absolute URL, as self-contained HTML for `content:encoded`. */
async function articleHtml(entry: PostEntry, url: string): Promise<string> {
  const { Content } = await renderPost(entry);
  const rendered = await (
    await getContainer()
  ).renderToString(Content, {
    props: { components: feedComponents },
    request: new Request(url),
    // The figures its components show (src/components/mdx/facts.ts); they are part of the items'
    // source fingerprint, as content/data is.
    locals: { facts: await facts() },
  });
  return feedContent(rendered, url);
}

/** A post's `<item>`, serialized by @astrojs/rss once per build and shared by every feed. */
function itemOf(post: Post): Promise<ShelvedItem> {
  let cached = items.get(post.id);
  if (!cached) {
    cached = (async () => {
      const entry = (await siteContent()).entries.get(post.id)!;
      const link = absolute(routes.post(post.locale, post.slug));
      const key = store.keyOf(post.id, entry.digest, link);
      const previous = store.previous(post.locale, key);
      if (previous !== undefined) return store.put(post.locale, key, previous);
      const rss = await getRssString({
        title: post.title,
        description: post.description,
        site: link,
        items: [
          {
            title: post.title,
            link,
            pubDate: post.pubDate,
            description: post.description,
            categories: post.tags,
            content: await articleHtml(entry, link),
          },
        ],
      });
      return store.put(post.locale, key, encoder.encode(itemElement(rss)));
    })();
    items.set(post.id, cached);
  }
  return cached;
}

/** The RSS 2.0 document of a language, or of one tag in that language: the channel and its items. */
export async function feedDocument(
  locale: Locale,
  tag?: string,
): Promise<{ head: string; items: ShelvedItem[]; tail: string }> {
  const { index } = await siteContent();
  const t = useTranslations(locale);
  const posts = tag ? (index.tags[locale].find((s) => s.tag === tag)?.posts ?? []) : index.byLocale[locale];
  const selfPath = tag ? routes.tagRss(locale, tag) : routes.rss(locale);
  const channel = await getRssString({
    title: t['feed.title'](tag ? tagLabel(tag, locale) : undefined),
    description: t['site.intro'],
    site: absolute(tag ? routes.tag(locale, tag) : routes.home(locale)),
    // The items are added below, already serialized; their content:encoded needs this namespace.
    xmlns: { content: CONTENT_NS, atom: ATOM_NS },
    items: [],
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
  // One item at a time: they render on one thread anyway, and starting them all at once held every
  // article's intermediate HTML in memory together (2 GB more at 10,000 articles).
  const built: ShelvedItem[] = [];
  for (const post of posts) built.push(await itemOf(post));
  // A language's feed lists every one of its articles: keep exactly these items for the next build.
  if (!tag) store.save(locale, built);
  return { ...splitChannel(withCssStylesheet(channel, href('/feed.css'))), items: built };
}

/**
 * An HTTP response for a feed, written as it is read: the channel, then the items' bytes straight
 * from where they wait. A language feed of thousands of full articles is over 100 MB, and is never
 * held as strings.
 */
export async function feedResponse(locale: Locale, tag?: string): Promise<Response> {
  const { head, items: feedItems, tail } = await feedDocument(locale, tag);
  const chunks = (function* () {
    yield encoder.encode(head);
    yield* store.readAll(feedItems);
    yield encoder.encode(tail);
  })();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
