import { createHash } from 'node:crypto';
import { parseDocument } from 'yaml';
import { defaultLocale, isLocale } from './i18n/locales';

/**
 * Checks articles before Astro processes them, for mistakes whose own error messages would not
 * say which article is wrong or what to do, or that would pass silently: front matter that is not
 * YAML, impossible dates (an unquoted 2026-13-45 rolls over to 2027 in the YAML parser), links to
 * articles that do not exist, images that are missing, and MDX components that do not exist.
 * Every problem names the file and line.
 */

export interface ArticleFile {
  /** Path relative to the project, e.g. "content/posts/en/x.md". */
  path: string;
  text: string;
}

export interface CheckOptions {
  /** Whether a file exists, for paths relative to the project. */
  exists: (path: string) => boolean;
  /** Components MDX articles may use without importing them. */
  components: readonly string[];
  /**
   * The site's languages and the heading each language's articles end their sources under. With
   * them, checkArticles also reports (as warnings) articles that lack a translation or sources.
   */
  coverage?: { locales: readonly string[]; sourcesHeadings: Readonly<Record<string, string>> };
}

export interface Problem {
  path: string;
  line: number;
  message: string;
}

/** "content/posts/en/x.md:3 message" */
export function formatProblem(p: Problem): string {
  return `${p.path}:${p.line} ${p.message}`;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/;
const DATE_LINE = /^(pubDate|updatedDate):\s*["']?(\d{4})-(\d{2})-(\d{2})/;

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Days in a month of a year (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Replaces fenced code and inline code with spaces, keeping line numbers, so examples are not checked. */
export function maskCode(body: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return body.replace(/^(```|~~~)[\s\S]*?^\1[^\n]*$/gm, blank).replace(/`[^`\n]*`/g, blank);
}

function slugOf(path: string): { locale: string; slug: string } | undefined {
  const match = /content\/posts\/([^/]+)\/([^/]+)\.mdx?$/.exec(path);
  return match ? { locale: match[1]!, slug: match[2]! } : undefined;
}

/**
 * What one article says, found without looking at any other: its own problems, and what it links
 * to, uses and is. Plain data, so that a build can keep it for files that have not changed.
 */
export interface ArticleFacts {
  /** `locale/slug`, when the path is an article's. */
  key?: string | undefined;
  /** Whether its front matter parsed, and with `draft: true`. */
  parsed: boolean;
  draft: boolean;
  /** What pairs it with its translations: `translationKey`, or else the slug. */
  pairKey?: string | undefined;
  /** `singleLanguage: true` in front matter: meant for one language, no translation expected. */
  singleLanguage: boolean;
  /** Its level-2 headings, in order. */
  headings: string[];
  /** Problems of this file alone: front matter, dates, unknown components. */
  problems: Problem[];
  /** Links to articles: `locale/slug`, the link as written, and its line. */
  links: { key: string; href: string; line: number }[];
  /** Images next to it: as written, resolved against the project, and the line. */
  images: { src: string; path: string; line: number }[];
  /** Capitalised MDX tags it neither imports nor could do without: name and line. */
  components: { name: string; line: number }[];
}

/** Finds what one article says (see ArticleFacts). */
export function inspectArticle(file: ArticleFile): ArticleFacts {
  const info = slugOf(file.path);
  const facts: ArticleFacts = {
    key: info && `${info.locale}/${info.slug}`,
    parsed: false,
    draft: false,
    singleLanguage: false,
    headings: [],
    problems: [],
    links: [],
    images: [],
    components: [],
  };
  const match = FRONT_MATTER.exec(file.text);
  let data: Record<string, unknown> | null | undefined;
  if (!match) {
    facts.problems.push({
      path: file.path,
      line: 1,
      message:
        'has no front matter. Start the file with a block between two "---" lines holding title, description, pubDate and tags.',
    });
  } else {
    const doc = parseDocument(match[1]!, { uniqueKeys: true, prettyErrors: true });
    for (const error of doc.errors) {
      const line = (error.linePos?.[0]?.line ?? 0) + 1;
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      facts.problems.push({
        path: file.path,
        line,
        message: `front matter is not valid YAML (${reason}). Check quotes, colons and indentation; quote any value that contains ": " or starts with a special character.`,
      });
    }
    data = doc.errors.length ? undefined : (doc.toJS() as Record<string, unknown> | null);
    match[1]!.split('\n').forEach((text, i) => {
      const date = DATE_LINE.exec(text);
      if (!date) return;
      const [, field, y, m, d] = date;
      const year = Number(y);
      const month = Number(m);
      const day = Number(d);
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
        facts.problems.push({
          path: file.path,
          line: i + 2,
          message: `${field}: ${y}-${m}-${d} is not a real date. Write an existing day as YYYY-MM-DD, e.g. 2026-11-22.`,
        });
      }
    });
  }
  facts.parsed = Boolean(data);
  facts.draft = data?.['draft'] === true;
  facts.singleLanguage = data?.['singleLanguage'] === true;
  const translationKey = data?.['translationKey'];
  facts.pairKey = typeof translationKey === 'string' ? translationKey : info?.slug;

  // Without front matter the whole file is the body, and is checked as such.
  const bodyStart = match ? match[0].length : 0;
  const folder = file.path.slice(0, file.path.lastIndexOf('/') + 1);
  const body = maskCode(file.text.slice(bodyStart));
  const offset = lineAt(file.text, bodyStart) - 1;
  const at = (index: number) => offset + lineAt(body, index);

  facts.headings = [...body.matchAll(/^##[ \t]+(.+?)[ \t#]*$/gm)].map((h) => h[1]!);

  // Links to other articles: /posts/slug/ or /zh/posts/slug/.
  for (const link of body.matchAll(/(?:\]\(|href=["'])((?:\/([a-z]{2}))?\/posts\/([^/)#"'\s]+)\/?)/g)) {
    const locale = link[2] ?? defaultLocale;
    if (!isLocale(locale)) continue;
    facts.links.push({ key: `${locale}/${link[3]!}`, href: link[1]!, line: at(link.index) });
  }

  // Images next to the article: Markdown images and the hero image.
  for (const image of body.matchAll(/!\[[^\]]*\]\((\.{1,2}\/[^)\s]+)/g)) {
    facts.images.push({ src: image[1]!, path: normalize(folder + image[1]!), line: at(image.index) });
  }
  if (typeof data?.['heroImage'] === 'string' && data['heroImage'].startsWith('.')) {
    const line = file.text.split('\n').findIndex((l) => l.startsWith('heroImage:')) + 1;
    facts.images.push({ src: data['heroImage'], path: normalize(folder + data['heroImage']), line });
  }

  // Components in MDX: capitalised tags that are not imported.
  if (file.path.endsWith('.mdx')) {
    const imported = new Set([...body.matchAll(/^import\s+(\w+)/gm)].map((m) => m[1]!));
    for (const tag of body.matchAll(/<([A-Z][A-Za-z0-9]*)/g)) {
      if (!imported.has(tag[1]!)) facts.components.push({ name: tag[1]!, line: at(tag.index) });
    }
  }
  return facts;
}

/** Runs every check over all articles at once (links need to know every slug). */
export function checkArticles(files: ArticleFile[], options: CheckOptions): Problem[] {
  return checkFacts(
    files.map((file) => ({ path: file.path, facts: inspectArticle(file) })),
    options,
  );
}

/**
 * What a reader of one language would miss: published articles with no counterpart in another
 * language (unless they declare `singleLanguage: true`) and articles without a sources section.
 * Warnings, not errors: an imported article still builds, and the blog's own tests hold its own
 * articles to them.
 */
export function coverageWarnings(
  articles: { path: string; facts: ArticleFacts }[],
  coverage: NonNullable<CheckOptions['coverage']>,
): Problem[] {
  const warnings: Problem[] = [];
  const published = articles.filter(({ facts }) => facts.key && facts.parsed && !facts.draft);
  const pairs = new Set(published.map(({ facts }) => `${facts.key!.split('/')[0]}/${facts.pairKey}`));
  for (const { path, facts } of published) {
    const locale = facts.key!.split('/')[0]!;
    if (!facts.singleLanguage) {
      for (const other of coverage.locales) {
        if (other === locale || pairs.has(`${other}/${facts.pairKey}`)) continue;
        warnings.push({
          path,
          line: 1,
          message: `has no ${other} counterpart: add content/posts/${other}/${facts.pairKey}.md (the same slug, or the same translationKey), or write "singleLanguage: true" in its front matter if it is meant for one language only.`,
        });
      }
    }
    const heading = coverage.sourcesHeadings[locale];
    if (heading && !facts.headings.includes(heading)) {
      warnings.push({
        path,
        line: 1,
        message: `has no "## ${heading}" section: list the sources of its figures, with the date each was read, under that heading.`,
      });
    }
  }
  return warnings.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

/**
 * What each article said when last checked, by path: a digest of its text with its facts. Facts
 * depend on the checker's code too, so the whole of it holds for one `fingerprint` of the source.
 */
export interface FactsCache {
  fingerprint: string;
  files: Record<string, { digest: string; facts: ArticleFacts }>;
}

/**
 * checkArticles, reusing the facts of articles whose text is unchanged since `previous` was made
 * from the same source. Returns the problems, the cache for next time, and how many articles had
 * to be read afresh. Parsing front matter is most of the check's time: 0.3 ms an article, 3 s at
 * 10,000, on every build.
 */
export function checkArticlesCached(
  files: ArticleFile[],
  options: CheckOptions,
  fingerprint: string,
  previous?: FactsCache,
): { problems: Problem[]; warnings: Problem[]; cache: FactsCache; inspected: number } {
  const reusable = previous?.fingerprint === fingerprint ? previous.files : {};
  const cache: FactsCache = { fingerprint, files: {} };
  let inspected = 0;
  const articles = files.map(({ path, text }) => {
    const digest = createHash('sha1').update(text).digest('base64url');
    const kept = Object.hasOwn(reusable, path) ? reusable[path] : undefined;
    let facts = kept?.digest === digest ? kept.facts : undefined;
    if (!facts) {
      facts = inspectArticle({ path, text });
      inspected++;
    }
    cache.files[path] = { digest, facts };
    return { path, facts };
  });
  const warnings = options.coverage ? coverageWarnings(articles, options.coverage) : [];
  return { problems: checkFacts(articles, options), warnings, cache, inspected };
}

/**
 * The checks that need every article (links to articles that do not exist or are drafts) or the
 * world around them (images, components), over what each article says (inspectArticle).
 */
export function checkFacts(articles: { path: string; facts: ArticleFacts }[], options: CheckOptions): Problem[] {
  const problems: Problem[] = [];
  const published = new Set<string>();
  const drafts = new Set<string>();
  for (const { facts } of articles) {
    if (facts.key && facts.parsed) (facts.draft ? drafts : published).add(facts.key);
  }
  for (const { path, facts } of articles) {
    problems.push(...facts.problems);
    for (const link of facts.links) {
      if (published.has(link.key) || (facts.draft && drafts.has(link.key))) continue;
      const why = drafts.has(link.key)
        ? 'is a draft, so the link would break once this article is published'
        : 'does not exist';
      problems.push({
        path,
        line: link.line,
        message: `links to ${link.href}, but content/posts/${link.key}.md(x) ${why}. Fix the slug or remove the link.`,
      });
    }
    for (const image of facts.images) {
      if (options.exists(image.path)) continue;
      problems.push({
        path,
        line: image.line,
        message: `uses the image ${image.src}, but ${image.path} does not exist. Add the file or correct the path (relative to the article).`,
      });
    }
    for (const { name, line } of facts.components) {
      if (options.components.includes(name)) continue;
      problems.push({
        path,
        line,
        message: `uses <${name}>, which is not a component articles can use. Available: ${options.components.join(', ')}.`,
      });
    }
  }
  return problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
