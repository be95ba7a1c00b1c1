import { locales, type Locale } from './i18n/locales';
import { yearOf } from './dates';
import { parsePostPath } from './slug';

/** What the index needs from a collection entry: a narrow shape so tests can pass plain objects. */
export interface PostSource {
  /** Collection id, used to find the entry again for rendering. */
  id: string;
  /** Path relative to content/posts, e.g. "en/my-post.md". */
  path: string;
  /** Whole minutes to read the body (see reading-time.ts), counted when the entry was loaded. */
  readingMinutes: number;
  data: {
    title: string;
    description: string;
    pubDate: Date;
    updatedDate?: Date | undefined;
    tags: string[];
    draft: boolean;
    translationKey?: string | undefined;
    series?: string | undefined;
  };
}

/** A post as pages, lists and feeds see it. */
export interface Post {
  id: string;
  locale: Locale;
  slug: string;
  /** Pairs translations: the explicit translationKey, or else the slug. */
  key: string;
  title: string;
  description: string;
  pubDate: Date;
  updatedDate?: Date | undefined;
  tags: string[];
  draft: boolean;
  series?: string | undefined;
  readingMinutes: number;
}

export interface TagSummary {
  tag: string;
  posts: Post[];
}

export interface YearGroup {
  year: number;
  posts: Post[];
}

/** A series in one language: its parts in reading order (oldest first). */
export interface Series {
  /** URL slug, the same in every language (taken from the default language's series name). */
  key: string;
  locale: Locale;
  name: string;
  posts: Post[];
}

/** Where a post sits in its series. */
export interface SeriesPlace {
  series: Series;
  /** 1-based. */
  part: number;
}

export interface Neighbours {
  /** The next post in time (more recent). */
  newer?: Post | undefined;
  /** The previous post in time (older). */
  older?: Post | undefined;
}

/** Everything the site derives from the posts, computed once per build. */
export interface PostIndex {
  byLocale: Record<Locale, Post[]>;
  byId: Map<string, Post>;
  translations: Map<string, Partial<Record<Locale, Post>>>;
  neighbours: Map<string, Neighbours>;
  tags: Record<Locale, TagSummary[]>;
  archive: Record<Locale, YearGroup[]>;
  /** Series per language, by name; and each serial post's place in its series. */
  series: Record<Locale, Series[]>;
  seriesOf: Map<string, SeriesPlace>;
  /** Up to three related posts per post, in its language. */
  related: Map<string, Post[]>;
}

export interface IndexOptions {
  /** Drafts are listed only while writing (dev server); never in a production build. */
  includeDrafts: boolean;
}

/** Newest first; ties broken by slug so the order never depends on file-system order. */
export function compareNewestFirst(a: Post, b: Post): number {
  return b.pubDate.getTime() - a.pubDate.getTime() || a.slug.localeCompare(b.slug);
}

/** Turns a collection entry into a Post: locale and slug from its path. */
export function toPost(source: PostSource): Post {
  const { locale, slug } = parsePostPath(source.path);
  const { data } = source;
  return {
    id: source.id,
    locale,
    slug,
    key: data.translationKey ?? slug,
    title: data.title,
    description: data.description,
    pubDate: data.pubDate,
    updatedDate: data.updatedDate,
    tags: data.tags,
    draft: data.draft,
    series: data.series,
    readingMinutes: source.readingMinutes,
  };
}

/**
 * Checks rules that span several files and that a per-file schema cannot see: one article per
 * slug and language, and translation keys that pair real articles. Returns readable messages.
 */
export function findCrossFileProblems(sources: PostSource[], posts: Post[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, PostSource>();
  const keyOwners = new Map<string, PostSource>();
  posts.forEach((post, i) => {
    const source = sources[i]!;
    const slugKey = `${post.locale}/${post.slug}`;
    const clash = seen.get(slugKey);
    if (clash) {
      problems.push(
        `${source.path}: the slug "${post.slug}" is already used by ${clash.path}. Rename one of the files.`,
      );
    } else {
      seen.set(slugKey, source);
    }
    const keyKey = `${post.locale}/${post.key}`;
    const keyClash = keyOwners.get(keyKey);
    if (keyClash && keyClash !== clash) {
      problems.push(
        `${source.path}: translationKey "${post.key}" is also used by ${keyClash.path} in the same language. Each language can have one article per key.`,
      );
    } else if (!keyClash) {
      keyOwners.set(keyKey, source);
    }
  });
  posts.forEach((post, i) => {
    const explicit = sources[i]!.data.translationKey;
    if (explicit === undefined) return;
    const partner = posts.some((other) => other.locale !== post.locale && other.key === explicit);
    if (!partner) {
      problems.push(
        `${sources[i]!.path}: translationKey "${explicit}" matches no article in another language. Use the translation's file name (or its translationKey), or remove the field.`,
      );
    }
  });
  return problems;
}

function groupBy<K, V>(items: V[], keyOf: (item: V) => K[]): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const item of items) {
    for (const key of keyOf(item)) {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}

/**
 * Builds every derived list in one pass over the posts (sorted lists per language, translation
 * pairs, previous/next, tags, archive), so pages look data up instead of scanning all posts.
 * Throws one error listing every cross-file problem.
 */
export function buildPostIndex(sources: PostSource[], options: IndexOptions): PostIndex {
  const all = sources.map(toPost);
  const problems = findCrossFileProblems(sources, all);
  if (problems.length > 0) {
    throw new Error(`Invalid articles in content/posts:\n  - ${problems.join('\n  - ')}`);
  }
  const visible = all.filter((post) => options.includeDrafts || !post.draft).sort(compareNewestFirst);

  const byLocale = Object.fromEntries(locales.map((l) => [l, [] as Post[]])) as Record<Locale, Post[]>;
  for (const post of visible) byLocale[post.locale].push(post);

  const byId = new Map(visible.map((post) => [post.id, post]));

  const translations = new Map<string, Partial<Record<Locale, Post>>>();
  for (const post of visible) {
    const entry = translations.get(post.key) ?? {};
    entry[post.locale] = post;
    translations.set(post.key, entry);
  }

  const neighbours = new Map<string, Neighbours>();
  const tags = {} as Record<Locale, TagSummary[]>;
  const archive = {} as Record<Locale, YearGroup[]>;
  for (const locale of locales) {
    const list = byLocale[locale];
    list.forEach((post, i) => {
      neighbours.set(post.id, { newer: list[i - 1], older: list[i + 1] });
    });
    tags[locale] = [...groupBy(list, (p) => p.tags)]
      .map(([tag, posts]) => ({ tag, posts }))
      .sort((a, b) => b.posts.length - a.posts.length || a.tag.localeCompare(b.tag));
    archive[locale] = [...groupBy(list, (p) => [yearOf(p.pubDate)])]
      .map(([year, posts]) => ({ year, posts }))
      .sort((a, b) => b.year - a.year);
  }

  const { series, seriesOf } = buildSeries(byLocale, translations);
  const related = new Map(visible.map((post) => [post.id, relatedPosts(post, byLocale[post.locale], seriesOf)]));
  return { byLocale, byId, translations, neighbours, tags, archive, series, seriesOf, related };
}

/** A lower-case ASCII slug of a name ("Lambda and Fargate in 2026" → "lambda-and-fargate-in-2026"). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A short, stable hash of a name, for series whose name has no Latin letters or digits. */
function shortHash(text: string): string {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return h.toString(36);
}

/**
 * Groups posts by series name per language, parts oldest first. A series' URL key comes from the
 * name its posts carry in the default language (so both languages share /series/<key>/), falling
 * back to the post's own name.
 */
export function buildSeries(
  byLocale: Record<Locale, Post[]>,
  translations: Map<string, Partial<Record<Locale, Post>>>,
): { series: Record<Locale, Series[]>; seriesOf: Map<string, SeriesPlace> } {
  const series = Object.fromEntries(locales.map((l) => [l, [] as Series[]])) as Record<Locale, Series[]>;
  const seriesOf = new Map<string, SeriesPlace>();
  const keyFor = (post: Post): string => {
    const original = translations.get(post.key)?.[locales[0]!]?.series ?? post.series!;
    return slugify(original) || `series-${shortHash(original)}`;
  };
  for (const locale of locales) {
    const byName = groupBy(
      byLocale[locale].filter((p) => p.series),
      (p) => [p.series!],
    );
    for (const [name, posts] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
      const ordered = [...posts].sort(
        (a, b) => a.pubDate.getTime() - b.pubDate.getTime() || a.slug.localeCompare(b.slug),
      );
      const entry: Series = { key: keyFor(ordered[0]!), locale, name, posts: ordered };
      series[locale].push(entry);
      ordered.forEach((post, i) => seriesOf.set(post.id, { series: entry, part: i + 1 }));
    }
  }
  return { series, seriesOf };
}

/**
 * Up to `count` posts to read next, from the same language: parts of the same series first, then
 * by the number of shared tags, then the newest. Posts sharing nothing are not offered.
 */
export function relatedPosts(post: Post, candidates: Post[], seriesOf: Map<string, SeriesPlace>, count = 3): Post[] {
  const ownSeries = seriesOf.get(post.id)?.series;
  const tags = new Set(post.tags);
  return candidates
    .filter((other) => other.id !== post.id)
    .map((other) => ({
      other,
      score:
        (ownSeries && seriesOf.get(other.id)?.series === ownSeries ? 10 : 0) +
        other.tags.filter((t) => tags.has(t)).length,
    }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || compareNewestFirst(a.other, b.other))
    .slice(0, count)
    .map(({ other }) => other);
}

/** The translations of a post in other languages that are published. */
export function translationsOf(index: PostIndex, post: Post): Post[] {
  const pair = index.translations.get(post.key) ?? {};
  return locales.flatMap((l) => (l !== post.locale && pair[l] ? [pair[l]] : []));
}

/** Headings that make a table of contents: h2 and h3, shown only when there are 3+ sections. */
export function tocHeadings<H extends { depth: number }>(headings: H[], minSections = 3): H[] {
  const sections = headings.filter((h) => h.depth === 2).length;
  return sections >= minSections ? headings.filter((h) => h.depth === 2 || h.depth === 3) : [];
}
