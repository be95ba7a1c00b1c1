import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { buildPostIndex, translationsOf, type Post, type PostIndex } from '../lib/posts';
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
    entries.map((entry) => ({ id: entry.id, path: entry.id, body: entry.body ?? '', data: entry.data })),
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

/** Everything an article page needs, for every article in every language. */
export async function articlePages() {
  const { index, entries } = await siteContent();
  return locales.flatMap((locale) =>
    index.byLocale[locale].map((post) => ({
      post,
      entry: entries.get(post.id)!,
      translations: translationsOf(index, post),
      neighbours: index.neighbours.get(post.id) ?? {},
    })),
  );
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
export function renderPost(entry: PostEntry) {
  return render(entry);
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
 * checked both files; a missing file is a build error that names it.
 */
export async function facts() {
  const [lambda, fargate] = await Promise.all([getEntry('facts', 'lambda'), getEntry('facts', 'fargate')]);
  if (lambda?.data.service !== 'lambda') throw new Error('content/data/lambda.yaml is missing or is not the Lambda facts file');
  if (fargate?.data.service !== 'fargate') throw new Error('content/data/fargate.yaml is missing or is not the Fargate facts file');
  return { lambda: lambda.data, fargate: fargate.data };
}
