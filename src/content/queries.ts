import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { cacheKeyOf } from '../lib/cache-key';
import { bodyFactsOf, withRenderedHtml } from './loaders';
import { articleFreshness, buildDate } from '../lib/facts-freshness';
import { buildPostIndex, translationsOf, type Post, type PostIndex } from '../lib/posts';
import { routes } from '../lib/i18n';
import { shardCount } from '../lib/search-shards';
import { locales, type Locale } from '../lib/i18n/locales';

/**
 * The only module that touches Astro's content layer. It loads every article once per build,
 * hands plain data to the pure functions in src/lib, and caches the result, so the hundreds of
 * pages of a build share one index instead of each scanning the collection again.
 */

export type PostEntry = CollectionEntry<'posts'>;

interface SiteContent {
  index: PostIndex;
  entries: Map<string, PostEntry>;
}

let cache: Promise<SiteContent> | undefined;

async function load(): Promise<SiteContent> {
  const entries = await getCollection('posts');
  const index = buildPostIndex(
    entries.map((entry) => ({
      id: entry.id,
      path: entry.id,
      readingMinutes: bodyFactsOf(entry).readingMinutes,
      data: entry.data,
    })),
    // Drafts are for the author's dev server only; every production output leaves them out.
    { includeDrafts: import.meta.env.DEV },
  );
  return { index, entries: new Map(entries.map((e) => [e.id, e])) };
}

/** The cached content index for this build. */
export function siteContent(): Promise<SiteContent> {
  cache ??= load();
  return cache;
}

/** Published posts of a language, newest first. */
export async function postsFor(locale: Locale): Promise<Post[]> {
  return (await siteContent()).index.byLocale[locale];
}

let shardCounts: Promise<Record<Locale, number>> | undefined;

/**
 * How many search index shards the search script of a page in this language merges: one per
 * SHARD_PAGES published articles of the language (src/lib/search-shards.ts).
 */
export async function searchShardsFor(locale: Locale): Promise<number> {
  // Every page's search panel asks: counted once per build, not once per page.
  shardCounts ??= siteContent().then(
    ({ index }) =>
      Object.fromEntries(
        locales.map((l) => [
          l,
          // Drafts are listed on the dev server, which serves the last build's index: they never count.
          shardCount(index.byLocale[l].filter((post) => !post.draft).length),
        ]),
      ) as Record<Locale, number>,
  );
  return (await shardCounts)[locale];
}

/**
 * What every page shows besides its own data: the footer's year, the prices and limits, and the
 * search shard counts its search script is told.
 */
async function sharedData() {
  const [year, factEntries, ...shards] = await Promise.all([
    latestYear(),
    getCollection('facts'),
    ...locales.map((locale) => searchShardsFor(locale)),
  ]);
  return { year, facts: factEntries.map((e) => `${e.id}:${e.digest}`).sort(), shards };
}

/**
 * Everything an article page needs, for every article in every language, with the key under which
 * an incremental build may reuse the page: its entry's digest and everything around it on the page.
 */
export async function articlePages() {
  const { index, entries } = await siteContent();
  const [shared, data] = await Promise.all([sharedData(), facts()]);
  // The build date is an input (SITE_BUILD_DATE pins it), so the freshness notice is reproducible.
  const now = buildDate(process.env);
  // Articles using the same components show the same figures: date them once per set.
  const byComponents = new Map<string, ReturnType<typeof articleFreshness>>();
  const freshnessOf = (components: string[]) => {
    const key = [...components].sort().join(',');
    if (!byComponents.has(key)) byComponents.set(key, articleFreshness(components, data, now));
    return byComponents.get(key);
  };
  return locales.flatMap((locale) =>
    index.byLocale[locale].map((post) => {
      const entry = entries.get(post.id)!;
      const translations = translationsOf(index, post);
      const neighbours = index.neighbours.get(post.id) ?? {};
      const place = index.seriesOf.get(post.id);
      const series = place && {
        part: place.part,
        name: place.series.name,
        key: place.series.key,
        posts: place.series.posts,
      };
      const related = index.related.get(post.id) ?? [];
      const freshness = freshnessOf(bodyFactsOf(entry).components);
      return {
        post,
        entry,
        translations,
        neighbours,
        series,
        related,
        freshness,
        cacheKey: cacheKeyOf({
          digest: entry.digest,
          post,
          translations,
          neighbours,
          series,
          related,
          freshness,
          shared,
        }),
      };
    }),
  );
}

/** Every series page of every language: the series' parts in order, and its other languages. */
export async function seriesPages() {
  const { index } = await siteContent();
  const shared = await sharedData();
  return locales.flatMap((locale) =>
    index.series[locale].map((series) => {
      const alternates: Partial<Record<Locale, string>> = {};
      for (const l of locales) {
        if (index.series[l].some((s) => s.key === series.key)) alternates[l] = routes.series(l, series.key);
      }
      return { locale, series, alternates, cacheKey: cacheKeyOf({ series, alternates, shared }) };
    }),
  );
}

/** The series of a language, for the tags page. */
export async function seriesFor(locale: Locale) {
  return (await siteContent()).index.series[locale];
}

/** Every tag page of every language, with the tag's posts, its translations and its cache key. */
export async function tagPages() {
  const { index } = await siteContent();
  const shared = await sharedData();
  return locales.flatMap((locale) =>
    index.tags[locale].map(({ tag, posts }) => {
      // A tag page has a translation only when the tag is used in the other language too.
      const alternates: Partial<Record<Locale, string>> = {};
      for (const l of locales) if (index.tags[l].some((s) => s.tag === tag)) alternates[l] = routes.tag(l, tag);
      return { locale, tag, posts, alternates, cacheKey: cacheKeyOf({ posts, alternates, shared }) };
    }),
  );
}

/**
 * The feeds of every language (no tag) and of every tag in every language. A feed carries whole
 * articles, so its cache key covers the digest of each one.
 */
export async function feedPages(scope: 'language' | 'tag') {
  const { index, entries } = await siteContent();
  const keyFor = (posts: Post[]) => cacheKeyOf(posts.map((post) => [post, entries.get(post.id)?.digest]));
  if (scope === 'language') {
    return locales.map((locale) => ({ locale, tag: undefined, cacheKey: keyFor(index.byLocale[locale]) }));
  }
  return locales.flatMap((locale) =>
    index.tags[locale].map(({ tag, posts }) => ({ locale, tag, cacheKey: keyFor(posts) })),
  );
}

/**
 * The articles a tool cites, by slug: each in the given language when it has been translated,
 * otherwise in English. Slugs with no published article are left out.
 */
export async function citedArticles(locale: Locale, slugs: Iterable<string>): Promise<Map<string, Post>> {
  const { index } = await siteContent();
  const cited = new Map<string, Post>();
  for (const slug of new Set(slugs)) {
    const post =
      index.byLocale[locale].find((p) => p.slug === slug) ?? index.byLocale[locales[0]].find((p) => p.slug === slug);
    if (post) cited.set(slug, post);
  }
  return cited;
}

/** Tag summaries of a language (most used first). */
export async function tagsFor(locale: Locale) {
  return (await siteContent()).index.tags[locale];
}

/** Posts of a language grouped by year (newest year first). */
export async function archiveFor(locale: Locale) {
  return (await siteContent()).index.archive[locale];
}

/** Renders an article's body; headings feed the table of contents. */
export async function renderPost(entry: PostEntry) {
  return render(withRenderedHtml(entry));
}

/** Whether an article places the subscribe box itself, so its layout does not add another. */
export function placesSubscribeBox(entry: PostEntry): boolean {
  return bodyFactsOf(entry).components.includes('SubscribeCta');
}

/** A standalone Markdown page (e.g. "about") in a language. */
export async function pageFor(locale: Locale, name: string) {
  const pages = await getCollection('pages');
  const entry = pages.find((p) => p.id === `${locale}/${name}`);
  if (!entry) throw new Error(`Missing page content/pages/${locale}/${name}.md`);
  return { entry, ...(await render(entry)) };
}

/** Year of the newest post, for the footer: deterministic, unlike reading the clock. */
export async function latestYear(): Promise<number> {
  const { index } = await siteContent();
  const newest = locales.flatMap((l) => index.byLocale[l].slice(0, 1)).map((p) => p.pubDate.getUTCFullYear());
  return Math.max(2023, ...newest);
}

/**
 * Prices and limits from content/data, for the tools and the article tables. The schema already
 * checked every file; a missing one is a build error that names it.
 */
export async function facts() {
  const entry = async <S extends string>(id: string, service: S) => {
    const found = await getEntry('facts', id);
    if (found?.data.service !== service)
      throw new Error(`content/data/${id}.yaml is missing or does not say "service: ${service}"`);
    return found.data as Extract<typeof found.data, { service: S }>;
  };
  const [lambda, fargate, lambdaOptions, frontDoor, platform] = await Promise.all([
    entry('lambda', 'lambda'),
    entry('fargate', 'fargate'),
    entry('lambda-options', 'lambda-options'),
    entry('front-door', 'front-door'),
    entry('platform', 'platform'),
  ]);
  return { lambda, fargate, lambdaOptions, frontDoor, platform };
}
