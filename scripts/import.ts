/**
 * npm run import -- <file or folder>... [--lang en|zh] [--dry-run] [--force]
 *
 * Converts Hugo, Jekyll, Obsidian and plain Markdown posts into content/posts/<lang>/<slug>.md and
 * copies the images they use beside them. All conversion rules live in src/lib/import/; this file
 * reads and writes files and prints the report. Exit code: 0 when every post was converted (or was
 * already imported unchanged), 1 when any failed or was skipped, 2 on a usage error.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isLocale, locales, type Locale } from '../src/lib/i18n/locales';
import { convertPost, identifyPost, type ImportResult } from '../src/lib/import/convert';
import { parseFrontMatter, splitFrontMatter, normalizeNewlines } from '../src/lib/import/front-matter';
import { crossFileProblems, type ArticleRef } from '../src/lib/import/site';
import type { AssetFinder, LinkTarget, Problem } from '../src/lib/import/types';

const USAGE = `Usage: npm run import -- <file or folder>... [--lang en|zh] [--ext txt] [--dry-run] [--force]

  --lang en|zh   language of every imported post (default: detected from the text)
  --ext txt      also read files with this extension from folders (repeatable), e.g. drafts saved as .txt
  --dry-run      print what would be written, write nothing
  --force        overwrite articles and images that already exist`;

/** Extensions read from folders; a file named on the command line is read whatever its extension. */
const MARKDOWN = new Set(['.md', '.markdown', '.mdown', '.mkd']);
/** Folders never searched for posts. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.obsidian', '.trash', 'public', 'static', 'dist']);

/** Where output goes; tests capture it. */
export interface Io {
  cwd: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

type Outcome = 'converted' | 'unchanged' | 'skipped' | 'failed';

const posix = (path: string) => path.split(sep).join('/');
/** A path as reports show it: relative to the working folder when inside it, else absolute. */
const shown = (cwd: string, path: string) => {
  const rel = relative(cwd, path);
  return posix(rel === '' || rel.startsWith('..') ? path : rel);
};

/** Runs the importer with command-line arguments; returns the exit code. */
export function run(argv: string[], io: Io): number {
  let values: {
    lang?: string | undefined;
    ext?: string[] | undefined;
    'dry-run'?: boolean | undefined;
    force?: boolean | undefined;
    help?: boolean | undefined;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        lang: { type: 'string' },
        ext: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (values.lang !== undefined && !isLocale(values.lang)) {
    io.err(`--lang must be one of: ${locales.join(', ')} (got "${values.lang}")\n\n${USAGE}`);
    return 2;
  }
  if (positionals.length === 0) {
    io.err(`Name at least one file or folder to import.\n\n${USAGE}`);
    return 2;
  }
  const lang: Locale | undefined = values.lang;
  const dryRun = values['dry-run'] ?? false;
  const force = values.force ?? false;
  const inputs = positionals.map((p) => resolve(io.cwd, p));
  const missing = inputs.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    io.err(`${missing.map((p) => `No such file or folder: ${p}`).join('\n')}\n\n${USAGE}`);
    return 2;
  }

  const extra = (values.ext ?? []).map((e) => `.${e.replace(/^\./, '').toLowerCase()}`);
  const bad = extra.filter((e) => !/^\.[a-z0-9]+$/.test(e));
  if (bad.length > 0) {
    io.err(`--ext takes an extension such as txt (got ${bad.map((e) => `"${e.slice(1)}"`).join(', ')})\n\n${USAGE}`);
    return 2;
  }
  const extensions = new Set([...MARKDOWN, ...extra]);
  const files = collectFiles(inputs, extensions);
  if (files.length === 0) {
    const others = countByExtension(inputs, extensions);
    const hint = others.length
      ? ` Found ${others.map(([ext, n]) => `${n} ${ext} file${n === 1 ? '' : 's'}`).join(', ')}; to import them as Markdown, add ${others.map(([ext]) => `--ext ${ext.slice(1)}`).join(' ')}.`
      : '';
    io.err(`No Markdown files (${[...extensions].join(', ')}) found in ${positionals.join(', ')}.${hint}`);
    return 2;
  }
  const postsDir = join(io.cwd, 'content/posts');
  const unreadable: string[] = [];
  const sources = files.flatMap((file) => {
    const path = shown(io.cwd, file.path);
    try {
      const text = readFileSync(file.path, 'utf8');
      if (text.includes('\u0000')) throw new Error('it is not a text file');
      return [{ file, path, text, fallbackDate: statSync(file.path).mtime.toISOString().slice(0, 10) }];
    } catch (error) {
      unreadable.push(
        `${'failed'.padEnd(11)} ${path}\n  ${path}:1: error: cannot be read: ${(error as Error).message}`,
      );
      return [];
    }
  });

  // Wiki links may point at any post of this run or at an article the site already has.
  const site = siteArticles(postsDir);
  const links: LinkTarget[] = sources.map((s) => {
    const id = identifyPost(s, { lang });
    return { names: id.names, locale: id.locale, slug: id.slug, translationKey: id.translationKey };
  });
  links.push(...site.map((a) => a.target));
  const results = sources.map((source) =>
    convertPost(source, {
      lang,
      fallbackDate: source.fallbackDate,
      findAsset: assetFinder(source.file.path, source.file.root),
      links,
    }),
  );
  // The site's own cross-file rules, checked now rather than in the next build. A second post of this
  // run with the same target is reported when it is placed.
  const planned = new Map<string, ArticleRef>();
  for (const r of results) {
    const path = `${r.locale}/${r.slug}.md`;
    if (r.ok && !planned.has(path)) planned.set(path, { path, translationKey: r.translationKey });
  }
  const conflicts = crossFileProblems(
    site.map((a) => a.ref),
    [...planned.values()],
  );
  const counts: Record<Outcome, number> = { converted: 0, unchanged: 0, skipped: 0, failed: unreadable.length };
  let warnings = 0;
  let errors = unreadable.length;
  unreadable.forEach((report) => io.out(report));
  const claimed = new Map<string, string>();
  sources.forEach((source, i) => {
    const result = results[i]!;
    const extra: Problem[] = [];
    const clashes = conflicts.get(`${result.locale}/${result.slug}.md`) ?? [];
    for (const message of clashes) extra.push({ line: 1, severity: 'error', code: 'target', message });
    const outcome =
      clashes.length > 0 ? 'failed' : place(result, source.path, { postsDir, dryRun, force, claimed, extra });
    counts[outcome]++;
    const problems = [...result.problems, ...extra];
    warnings += problems.filter((p) => p.severity === 'warning').length;
    errors += problems.filter((p) => p.severity === 'error').length;
    const target = posix(relative(io.cwd, join(postsDir, result.locale, `${result.slug}.md`)));
    const images = result.assets.length === 1 ? '1 image' : `${result.assets.length} images`;
    const verb = dryRun && outcome === 'converted' ? 'would write' : outcome;
    io.out(`${verb.padEnd(11)} ${source.path} → ${target} (${result.dialect}, ${result.locale}, ${images})`);
    for (const p of problems) io.out(`  ${source.path}:${p.line}: ${p.severity}: ${p.message}`);
    if (dryRun && result.ok) {
      const frontMatter = result.content.slice(0, result.content.indexOf('\n---\n') + 4);
      io.out(frontMatter.replace(/^/gm, '    | '));
      for (const a of result.assets) io.out(`    copy ${shown(io.cwd, a.from)} → ${result.locale}/${a.to}`);
    }
  });
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  io.out(
    `\n${dryRun ? 'Dry run, nothing written: ' : ''}${counts.converted} ${dryRun ? 'to convert' : 'converted'}, ` +
      `${counts.unchanged} unchanged, ${counts.skipped} skipped, ${counts.failed} failed; ` +
      `${plural(warnings, 'warning')}, ${plural(errors, 'error')}.`,
  );
  return counts.skipped + counts.failed > 0 ? 1 : 0;
}

interface PlaceOptions {
  postsDir: string;
  dryRun: boolean;
  force: boolean;
  /** Targets already taken in this run, with the source that took them. */
  claimed: Map<string, string>;
  /** Problems found while placing the files, added to the post's report. */
  extra: Problem[];
}

/** Decides whether a converted post is written, unchanged or skipped, and writes it unless this is a dry run. */
function place(result: ImportResult, sourcePath: string, options: PlaceOptions): Outcome {
  const { postsDir, dryRun, force, claimed, extra } = options;
  const error = (message: string) => extra.push({ line: 1, severity: 'error', code: 'target', message });
  if (!result.ok) return 'failed';
  const dir = join(postsDir, result.locale);
  const target = join(dir, `${result.slug}.md`);
  const owner = claimed.get(target);
  if (owner) {
    error(`${owner} already imports to the same file; give one of them a different slug`);
    return 'failed';
  }
  claimed.set(target, sourcePath);
  const same = (file: string, content: Buffer | string) =>
    existsSync(file) && readFileSync(file).equals(typeof content === 'string' ? Buffer.from(content) : content);
  const images = result.assets.map((a) => ({ from: a.from, to: join(dir, a.to), bytes: readFileSync(a.from) }));
  const exists = existsSync(target);
  const postSame = same(target, result.content);
  const changedImages = images.filter((i) => existsSync(i.to) && !same(i.to, i.bytes));
  if (postSame && changedImages.length === 0 && images.every((i) => existsSync(i.to))) return 'unchanged';
  if (!force && ((exists && !postSame) || changedImages.length > 0)) {
    const what = exists && !postSame ? [`${result.locale}/${result.slug}.md`] : [];
    what.push(...changedImages.map((i) => `${result.locale}/${posix(relative(dir, i.to))}`));
    error(`${what.join(', ')} already exist(s) with different content; use --force to overwrite`);
    return 'skipped';
  }
  if (!dryRun) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(target, result.content);
    for (const image of images) {
      mkdirSync(dirname(image.to), { recursive: true });
      copyFileSync(image.from, image.to);
    }
  }
  return 'converted';
}

interface InputFile {
  path: string;
  /** The folder named on the command line (or the file's folder): where Obsidian looks for embeds. */
  root: string;
}

/** Plain-text extensions the importer can read as Markdown when asked to, e.g. the author's .txt drafts. */
const TEXT = new Set(['.txt', '.text']);

/** How many files of each plain-text extension not being read sit in the folders named. */
function countByExtension(inputs: string[], reading: Set<string>): [string, number][] {
  const counts = new Map<string, number>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (!name.startsWith('.') && !SKIP_DIRS.has(name)) walk(full);
        continue;
      }
      const ext = extname(name).toLowerCase();
      if (TEXT.has(ext) && !reading.has(ext)) counts.set(ext, (counts.get(ext) ?? 0) + 1);
    }
  };
  for (const input of inputs) if (statSync(input).isDirectory()) walk(input);
  return [...counts].sort();
}

/** Files with the given extensions named on the command line or found in the folders named, sorted, without repeats. */
function collectFiles(inputs: string[], extensions: Set<string>): InputFile[] {
  const found = new Map<string, InputFile>();
  const walk = (dir: string, root: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (!name.startsWith('.') && !SKIP_DIRS.has(name)) walk(full, root);
      } else if (extensions.has(extname(name).toLowerCase()) && name !== '_index.md' && !found.has(full)) {
        found.set(full, { path: full, root });
      }
    }
  };
  for (const input of inputs) {
    if (statSync(input).isDirectory()) walk(input, input);
    else if (!found.has(input)) found.set(input, { path: input, root: dirname(input) });
  }
  return [...found.values()];
}

/** The site's articles, as wiki-link targets and for the cross-file check. */
function siteArticles(postsDir: string): { target: LinkTarget; ref: ArticleRef }[] {
  const articles: { target: LinkTarget; ref: ArticleRef }[] = [];
  for (const locale of locales) {
    const dir = join(postsDir, locale);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!/\.mdx?$/.test(name)) continue;
      const slug = name.replace(/\.mdx?$/, '');
      const { fields } = parseFrontMatter(splitFrontMatter(normalizeNewlines(readFileSync(join(dir, name), 'utf8'))));
      const value = (key: string) => {
        const found = fields.find((f) => f.key === key)?.value;
        return typeof found === 'string' ? found : undefined;
      };
      const title = value('title');
      const translationKey = value('translationKey');
      articles.push({
        target: { names: title ? [slug, title] : [slug], locale, slug, translationKey },
        ref: { path: `${locale}/${name}`, translationKey },
      });
    }
  }
  return articles;
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/**
 * Finds images the way each tool does: Markdown paths relative to the post, site-absolute paths
 * ("/img/x.png") in the site folders above it (Jekyll's root, Hugo's static/), and Obsidian embeds
 * by file name anywhere in the vault (the folder with .obsidian/, else the folder being imported).
 */
function assetFinder(file: string, root: string): AssetFinder {
  const dir = dirname(file);
  const ancestors: string[] = [];
  for (let d = dir, i = 0; i < 6; i++, d = dirname(d)) {
    ancestors.push(d);
    if (dirname(d) === d) break;
  }
  const vault = ancestors.find((d) => existsSync(join(d, '.obsidian'))) ?? root;
  let index: Map<string, string[]> | undefined;
  const byName = (name: string): string | undefined => {
    if (!index) {
      index = new Map();
      const walk = (d: string) => {
        for (const entry of readdirSync(d, { withFileTypes: true })) {
          const full = join(d, entry.name);
          if (entry.isDirectory()) {
            if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full);
          } else {
            const key = entry.name.toLowerCase();
            index!.set(key, [...(index!.get(key) ?? []), full]);
          }
        }
      };
      walk(vault);
    }
    const matches = index.get(basename(name).toLowerCase()) ?? [];
    return matches.sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
  };
  return (reference, kind) => {
    const ref = reference.replace(/^\.\//, '');
    if (kind === 'embed') {
      const direct = [join(dir, ref), join(vault, ref)].find(isFile);
      return direct ?? byName(ref);
    }
    if (ref.startsWith('/')) {
      const candidates = ancestors.flatMap((a) => ['', 'static', 'public', 'assets'].map((s) => join(a, s, ref)));
      return candidates.find(isFile);
    }
    const relativePath = join(dir, ref);
    if (isFile(relativePath)) return relativePath;
    return ref.includes('/') ? undefined : byName(ref);
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = run(process.argv.slice(2), {
    cwd: process.cwd(),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
