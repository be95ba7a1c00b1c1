import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { propsKey } from '../lib/cache-key';
import { bodyFactsOf, withRenderedHtml } from './loaders';
import { articleFreshness, buildDate, COMPONENT_DATA } from '../lib/facts-freshness';
import { buildPostIndex, translationsOf, type Post, type PostIndex } from '../lib/posts';
import { routes } from '../lib/i18n';
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

/**
 * What every page shows besides its own data: the footer's year. A page passes it to BaseLayout,
 * which takes it as a prop; a page that Astro may reuse from the last build gets it through its
 * props (see keyed), so that its cache key covers it.
 */
export async function siteData() {
  return { year: await latestYear() };
}

export type SiteData = Awaited<ReturnType<typeof siteData>>;

/**
 * Static paths for Astro's incremental build, each with a cache key made from its props: a page
 * whose data reaches it only through its props, as every page's does (components and layouts do
 * not query content: tests/unit/data-flow.test.ts), is reused exactly while what it renders is
 * unchanged. Content entries count by their digest (propsKey).
 */
export function keyed<P extends Record<string, unknown>, Q extends Record<string, string | undefined>>(
  paths: readonly { params: Q; props: P }[],
): { params: Q; props: P; cacheKey: string }[] {
  return paths.map((path) => ({ ...path, cacheKey: propsKey(path.props) }));
}

/** Components that show figures from content/data, and so need the facts on the page. */
const showsFacts = (components: readonly string[]) => components.some((c) => c in COMPONENT_DATA);

/**
 * Everything an article page needs, for every article in every language: the article, what is
 * around it on the page, and the figures its components show (facts).
 */
export async function articlePages() {
  const { index, entries } = await siteContent();
  const [site, data] = await Promise.all([siteData(), facts()]);
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
      const { components } = bodyFactsOf(entry);
      const place = index.seriesOf.get(post.id);
      return {
        post,
        entry,
        translations: translationsOf(index, post),
        neighbours: index.neighbours.get(post.id) ?? {},
        series: place && {
          part: place.part,
          name: place.series.name,
          key: place.series.key,
          posts: place.series.posts,
        },
        related: index.related.get(post.id) ?? [],
        freshness: freshnessOf(components),
        /** The figures for its components (src/components/mdx), if it shows any. */
        facts: showsFacts(components) ? data : undefined,
        /** Whether it places the subscribe box itself, so its layout does not add another. */
        ownSubscribeBox: components.includes('SubscribeCta'),
        site,
      };
    }),
  );
}

/** Every series page of every language: the series' parts in order, and its other languages. */
export async function seriesPages() {
  const { index } = await siteContent();
  const site = await siteData();
  return locales.flatMap((locale) =>
    index.series[locale].map((series) => {
      const alternates: Partial<Record<Locale, string>> = {};
      for (const l of locales) {
        if (index.series[l].some((s) => s.key === series.key)) alternates[l] = routes.series(l, series.key);
      }
      return { locale, series, alternates, site };
    }),
  );
}

/** The series of a language, for the tags page. */
export async function seriesFor(locale: Locale) {
  return (await siteContent()).index.series[locale];
}

/** Every tag page of every language, with the tag's posts and its translations. */
export async function tagPages() {
  const { index } = await siteContent();
  const site = await siteData();
  return locales.flatMap((locale) =>
    index.tags[locale].map(({ tag, posts }) => {
      // A tag page has a translation only when the tag is used in the other language too.
      const alternates: Partial<Record<Locale, string>> = {};
      for (const l of locales) if (index.tags[l].some((s) => s.tag === tag)) alternates[l] = routes.tag(l, tag);
      return { locale, tag, posts, alternates, site };
    }),
  );
}

/**
 * The feed of every tag in every language, with the entries of its articles: a feed carries them
 * whole, so its key (keyed) covers the digest of each.
 */
export async function tagFeedPages() {
  const { index, entries } = await siteContent();
  return locales.flatMap((locale) =>
    index.tags[locale].map(({ tag, posts }) => ({
      locale,
      tag,
      posts,
      articles: posts.map((post) => entries.get(post.id)),
    })),
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

/** The prices and limits from content/data, as facts() gives them. */
export type Facts = Awaited<ReturnType<typeof facts>>;
