import type { Locale } from '../i18n/locales';

/** The source formats the importer recognises; `markdown` is plain Markdown or generic YAML front matter. */
export type Dialect = 'hugo' | 'jekyll' | 'obsidian' | 'markdown';

/**
 * How bad a problem is: an `error` stops the file from being written, a `warning` is something
 * the author should look at (it is kept visible in the output), a `note` says what was mapped.
 */
export type Severity = 'error' | 'warning' | 'note';

/** Stable names for kinds of problem, so tests and summaries do not depend on wording. */
export type ProblemCode =
  | 'front-matter'
  | 'duplicate-key'
  | 'unknown-field'
  | 'dropped-field'
  | 'bad-date'
  | 'date'
  | 'missing-image'
  | 'unsupported-image'
  | 'html-image'
  | 'remote-image'
  | 'unresolved-link'
  | 'link-anchor'
  | 'shortcode'
  | 'tags'
  | 'title'
  | 'description'
  | 'language'
  | 'hero-image'
  | 'heading'
  | 'schema'
  | 'target';

/** One thing worth telling the author, at a line of the source file (1-based). */
export interface Problem {
  line: number;
  severity: Severity;
  code: ProblemCode;
  message: string;
}

/** An image to copy: from a resolved source path to a path relative to content/posts/<lang>/. */
export interface AssetCopy {
  from: string;
  to: string;
}

/** An article a wiki link may point to: the names it answers to, and where it lives. */
export interface LinkTarget {
  names: string[];
  locale: Locale;
  slug: string;
  /** The article's translationKey, when it has one (translations pair by it, else by slug). */
  translationKey?: string | undefined;
}

/**
 * Finds a local file that a post references, or undefined when it does not exist. `embed` is an
 * Obsidian `![[name]]` (looked up by name in the vault), `path` a Markdown or front matter path.
 * The CLI implements it with the file system; tests pass a lookup table.
 */
export type AssetFinder = (reference: string, kind: 'embed' | 'path') => string | undefined;
