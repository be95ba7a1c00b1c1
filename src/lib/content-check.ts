import { parseDocument } from 'yaml';
import { isLocale } from './i18n/locales';

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

/** Runs every check over all articles at once (links need to know every slug). */
export function checkArticles(files: ArticleFile[], options: CheckOptions): Problem[] {
  const problems: Problem[] = [];
  const published = new Set<string>();
  const drafts = new Set<string>();
  const parsed = files.map((file) => {
    const match = FRONT_MATTER.exec(file.text);
    const info = slugOf(file.path);
    if (!match) {
      problems.push({
        path: file.path,
        line: 1,
        message:
          'has no front matter. Start the file with a block between two "---" lines holding title, description, pubDate and tags.',
      });
      return { file, data: undefined, bodyStart: 0 };
    }
    const doc = parseDocument(match[1]!, { uniqueKeys: true, prettyErrors: true });
    for (const error of doc.errors) {
      const line = (error.linePos?.[0]?.line ?? 0) + 1;
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      problems.push({
        path: file.path,
        line,
        message: `front matter is not valid YAML (${reason}). Check quotes, colons and indentation; quote any value that contains ": " or starts with a special character.`,
      });
    }
    const data = doc.errors.length ? undefined : (doc.toJS() as Record<string, unknown> | null);
    match[1]!.split('\n').forEach((text, i) => {
      const date = DATE_LINE.exec(text);
      if (!date) return;
      const [, field, y, m, d] = date;
      const year = Number(y);
      const month = Number(m);
      const day = Number(d);
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
        problems.push({
          path: file.path,
          line: i + 2,
          message: `${field}: ${y}-${m}-${d} is not a real date. Write an existing day as YYYY-MM-DD, e.g. 2026-11-22.`,
        });
      }
    });
    if (info && data) (data['draft'] === true ? drafts : published).add(`${info.locale}/${info.slug}`);
    return { file, data, bodyStart: match[0].length };
  });

  for (const { file, data, bodyStart } of parsed) {
    const folder = file.path.slice(0, file.path.lastIndexOf('/') + 1);
    const body = maskCode(file.text.slice(bodyStart));
    const offset = lineAt(file.text, bodyStart) - 1;
    const at = (index: number) => offset + lineAt(body, index);
    const isDraft = data?.['draft'] === true;

    // Links to other articles: /posts/slug/ or /zh/posts/slug/.
    for (const link of body.matchAll(/(?:\]\(|href=["'])((?:\/([a-z]{2}))?\/posts\/([^/)#"'\s]+)\/?)/g)) {
      const locale = link[2] ?? 'en';
      const slug = link[3]!;
      const key = `${locale}/${slug}`;
      if (!isLocale(locale)) continue;
      if (published.has(key) || (isDraft && drafts.has(key))) continue;
      const why = drafts.has(key)
        ? 'is a draft, so the link would break once this article is published'
        : 'does not exist';
      problems.push({
        path: file.path,
        line: at(link.index),
        message: `links to ${link[1]}, but content/posts/${locale}/${slug}.md(x) ${why}. Fix the slug or remove the link.`,
      });
    }

    // Images next to the article: Markdown images and the hero image.
    const images = [...body.matchAll(/!\[[^\]]*\]\((\.{1,2}\/[^)\s]+)/g)].map((m) => ({
      src: m[1]!,
      line: at(m.index),
    }));
    if (typeof data?.['heroImage'] === 'string' && data['heroImage'].startsWith('.')) {
      const line = file.text.split('\n').findIndex((l) => l.startsWith('heroImage:')) + 1;
      images.push({ src: data['heroImage'], line });
    }
    for (const image of images) {
      const resolved = normalize(folder + image.src);
      if (!options.exists(resolved)) {
        problems.push({
          path: file.path,
          line: image.line,
          message: `uses the image ${image.src}, but ${resolved} does not exist. Add the file or correct the path (relative to the article).`,
        });
      }
    }

    // Components in MDX: capitalised tags must be provided or imported.
    if (file.path.endsWith('.mdx')) {
      const imported = new Set([...body.matchAll(/^import\s+(\w+)/gm)].map((m) => m[1]!));
      for (const tag of body.matchAll(/<([A-Z][A-Za-z0-9]*)/g)) {
        const name = tag[1]!;
        if (options.components.includes(name) || imported.has(name)) continue;
        problems.push({
          path: file.path,
          line: at(tag.index),
          message: `uses <${name}>, which is not a component articles can use. Available: ${options.components.join(', ')}.`,
        });
      }
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
