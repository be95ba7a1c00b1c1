import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/lib/i18n/locales';

/**
 * Language codes are named only where languages are defined: the locale list, the dictionaries,
 * the two registries that list the dictionaries (index.ts for the build, load.ts for the browser),
 * and the importer, which reads other blogs' language fields. Everywhere else code works from
 * `locales` and `defaultLocale`, so adding a language (docs/architecture.md) changes nothing there.
 */
const ALLOWED = [
  /^src\/lib\/i18n\/locales\.ts$/,
  /^src\/lib\/i18n\/(ui|calc|decide)\.[a-z-]+\.ts$/,
  /^src\/lib\/i18n\/(facts-labels|tags)\.ts$/,
  /^src\/lib\/i18n\/(index|load)\.ts$/,
  /^src\/lib\/import\//,
];

const CODE = /\.(ts|mts|js|mjs|astro)$/;

/** What names a language, or assumes there is exactly one other. */
const PATTERNS: [RegExp, string][] = [
  [/(['"`])(en|zh)([-_][A-Za-z]+)?\1/, 'a language code in a string'],
  [/(^|[^\w$.-])(en|zh)\s*:/, 'a language code as a key'],
  [/\.(en|zh)\b/, 'a language picked by name'],
  [/\b(calc|decide)(En|Zh)\b/, "a language's dictionary"],
  [/otherLocales\([^)]*\)\[0\]/, 'the only other language'],
];

/** Lines of comment: prose may give examples such as "/zh/posts/x/". */
const isComment = (line: string) => /^\s*(\/\/|\/\*|\*|\{\/\*)/.test(line);

/** Each line of `text` that names a language, as "file:line: what (the line)". */
function languageNames(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    if (isComment(line)) return [];
    const hit = PATTERNS.find(([pattern]) => pattern.test(line));
    return hit ? [`${file}:${i + 1}: ${hit[1]}: ${line.trim()}`] : [];
  });
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('locale-free code', () => {
  it('names no language outside the locale list, the dictionaries, their registries and the importer', () => {
    const root = process.cwd();
    const found = [...files(join(root, 'src')), join(root, 'astro.config.mjs')]
      .map((path) => relative(root, path).split(sep).join('/'))
      .filter((file) => CODE.test(file) && !ALLOWED.some((allowed) => allowed.test(file)))
      .flatMap((file) => languageNames(file, readFileSync(join(root, file), 'utf8')));
    expect(found, 'use locales, defaultLocale and the dictionaries of src/lib/i18n instead').toEqual([]);
  });

  it('has no page copied per language: pages of every language come from src/pages/[...lang]/', () => {
    for (const locale of locales) expect(existsSync(join(process.cwd(), 'src/pages', locale)), locale).toBe(false);
  });

  it('catches the ways code names a language, and leaves comments and look-alikes alone', () => {
    for (const line of [
      "const locale = isLocale(lang) ? lang : 'en';",
      "locale === 'zh' ? a : b",
      'alternates={{ en: routes.home(l), zh: routes.home(l) }}',
      '  en: {',
      'index.byLocale.en.find((p) => p.slug === slug)',
      "import { zh } from '../lib/i18n/ui.zh';",
      'const d = decideZh;',
      "new Intl.NumberFormat('zh-CN')",
      'const other = otherLocales(locale)[0]!;',
    ]) {
      expect(languageNames('x.ts', line), line).toHaveLength(1);
    }
    for (const line of [
      '/** Reads the locale ("/zh/posts/x/" → "zh"). */',
      ' * the Chinese file must provide every key',
      '// falls back to "en"',
      'const open = screen: true;',
      "const token: string = 'enzh';",
      'font-family: var(--font-sans-zh);',
      "import { loadUi } from '../../lib/i18n/load';",
    ]) {
      expect(languageNames('x.ts', line), line).toEqual([]);
    }
  });
});
