import { existsSync, mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html, pagefindFragments } from '../helpers/dist';
import { buildSite, copySite, removeSite, type BuildResult } from '../helpers/site-copy';
import { siteConfig } from '../../src/site.config';

/**
 * The site holds no two-language code: a copy with a third language, added by touching only the
 * files docs/architecture.md lists under "Adding a language", builds every page of it, with its
 * alternates, feed, sitemap entries, search index and 404 page. The new language's dictionaries
 * are stubs holding the English words, apart from the few that these tests look for.
 */
const code = 'de';
const slug = 'eine-dritte-sprache';
const title = 'Eine dritte Sprache';
const site = siteConfig.url;

/** Its value in each per-locale map of src/lib/i18n/locales.ts. */
const localeValues: Record<string, string> = {
  htmlLang: 'de',
  ogLocale: 'de_DE',
  nativeName: 'Deutsch',
  shortName: 'DE',
};

/** Words of the stub UI dictionary that differ from English, so the pages show which one they use. */
const words = {
  'site.title': 'Lambda oder Fargate',
  'notFound.title': 'Seite nicht gefunden',
  'article.sourcesHeading': 'Quellen',
};

/** A file of the copy, rewritten by `change`, which must change it. */
function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`${file}: found nothing to add the third language to`);
  writeFileSync(path, after);
}

/**
 * Gives every English entry of a dictionary or registry a twin for the new language, right after
 * it: `import { calcEn } from './calc.en'`, one-line entries (`en: …,`) and block entries (`en: {`
 * to its closing `},`), with "en"/"En" in names and paths renamed.
 */
function twinEnglish(text: string): string {
  const rename = (s: string) => s.replace(/\ben\b/g, code).replace(/En\b/g, 'De');
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    out.push(line);
    const imported = /^import \{ (\w+)(?:, type \w+)* \} from '\.\/([\w-]+)\.en';$/.exec(line);
    if (imported) out.push(rename(`import { ${imported[1]} } from './${imported[2]}.en';`));
    else if (/^\s+en: \S.*,$/.test(line)) out.push(rename(line));
    else if (/^\s+en: \{$/.test(line)) {
      const indent = /^\s+/.exec(line)![0];
      const end = lines.findIndex((l, j) => j > i && l.startsWith(`${indent}}`));
      const block = lines.slice(i + 1, end + 1);
      out.push(...block, rename(line), ...block);
      i = end;
    }
  }
  return out.join('\n');
}

/** Adds the third language to a copy of the site: only the files docs/architecture.md lists. */
function addLanguage(dir: string): void {
  edit(dir, 'src/lib/i18n/locales.ts', (text) => {
    const maps = [...text.matchAll(/export const (\w+): Record<Locale, string> =/g)].map((m) => m[1]!);
    const unknown = maps.filter((name) => !(name in localeValues));
    if (unknown.length) throw new Error(`give the third language a value for ${unknown.join(', ')} in this test`);
    return text
      .replace(/export const locales = \[(.*)\] as const;/, `export const locales = [$1, '${code}'] as const;`)
      .replace(
        /(export const (\w+): Record<Locale, string> = \{ .*) \};/g,
        (_, head: string, name: string) => `${head}, ${code}: '${localeValues[name]}' };`,
      );
  });
  // Stub dictionaries: the English ones under the new name, with the type that checks them.
  const i18n = join(dir, 'src/lib/i18n');
  const stub = (file: string, type: string, english: string, name: string, extra = '') =>
    writeFileSync(
      join(i18n, `${file}.${code}.ts`),
      `import { ${english}, type ${type} } from './${file}.en';\n\nexport const ${name}: ${type} = { ...${english}${extra} };\n`,
    );
  stub('ui', 'UIStrings', 'en', code, `, ...${JSON.stringify(words)}`);
  stub('calc', 'CalcStrings', 'calcEn', 'calcDe');
  stub('decide', 'DecideStrings', 'decideEn', 'decideDe');
  for (const file of ['tags.ts', 'facts-labels.ts', 'index.ts', 'load.ts'])
    edit(dir, `src/lib/i18n/${file}`, twinEnglish);
  // Content: the About page and one article, meant for this language only.
  mkdirSync(join(dir, `content/pages/${code}`));
  cpSync(join(dir, 'content/pages/en/about.md'), join(dir, `content/pages/${code}/about.md`));
  mkdirSync(join(dir, `content/posts/${code}`));
  writeFileSync(
    join(dir, `content/posts/${code}/${slug}.md`),
    [
      '---',
      `title: "${title}"`,
      'description: "Ein Artikel in der dritten Sprache der Website, mit eigener Seite, eigenem Feed und eigenem Suchindex."',
      'pubDate: 2026-11-20',
      'tags: [fundamentals, lambda]',
      'singleLanguage: true',
      '---',
      '',
      'Dieser Artikel prüft, ob eine dritte Sprache überall ankommt: Kaltstart, Abrechnung und Skalierung.',
      '',
      `## ${words['article.sourcesHeading']}`,
      '',
      '- Keine Zahlen, keine Quellen.',
      '',
    ].join('\n'),
  );
}

let dir: string;
let build: BuildResult;
const dist = () => join(dir, 'dist');
const read = (file: string) => readFileSync(join(dist(), file), 'utf8');

beforeAll(() => {
  dir = copySite('third-locale-');
  addLanguage(dir);
  build = buildSite(dir, { SITE_BUILD_DATE: '2026-12-03' });
}, 180_000);

afterAll(() => {
  if (dir) removeSite(dir);
});

describe('a third language', () => {
  it('builds', () => {
    expect(build.ok, build.output.slice(-4000)).toBe(true);
  });

  it('has the article page in its language, with its words', () => {
    const file = `${code}/posts/${slug}/index.html`;
    expect(existsSync(join(dist(), file)), file).toBe(true);
    const doc = html(dist(), file);
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe(code);
    expect(doc.querySelector('h1')?.textContent.trim()).toBe(title);
    expect(doc.querySelector('title')?.textContent).toContain(words['site.title']);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${site}/${code}/posts/${slug}/`);
  });

  it('lists all three languages in the alternates of every home page, and links to each', () => {
    for (const home of ['index.html', 'zh/index.html', `${code}/index.html`]) {
      const doc = html(dist(), home);
      const alternates = Object.fromEntries(
        doc
          .querySelectorAll('link[rel="alternate"][hreflang]')
          .map((l) => [l.getAttribute('hreflang')!, l.getAttribute('href')!]),
      );
      expect(alternates, home).toEqual({
        en: `${site}/`,
        'zh-CN': `${site}/zh/`,
        [code]: `${site}/${code}/`,
        'x-default': `${site}/`,
      });
      expect(doc.querySelectorAll('a[data-language-switch]'), home).toHaveLength(2);
    }
    const switches = html(dist(), `${code}/index.html`)
      .querySelectorAll('a[data-language-switch]')
      .map((a) => [a.getAttribute('data-language-switch'), a.getAttribute('title')]);
    expect(switches).toEqual([
      ['en', 'Read this page in Englisch'],
      ['zh', 'Read this page in Chinesisch'],
    ]);
  });

  it('has its own feed with the article, announced by its pages and listed on the subscribe pages', () => {
    const feed = read(`${code}/rss.xml`);
    expect(feed).toContain(`<language>${code}</language>`);
    expect(feed).toContain(`<link>${site}/${code}/posts/${slug}/</link>`);
    expect(feed).toContain(title);
    const announced = html(dist(), `${code}/index.html`)
      .querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')
      .map((l) => l.getAttribute('href'));
    expect(announced).toContain(`${site}/${code}/rss.xml`);
    for (const page of ['subscribe/index.html', 'zh/subscribe/index.html']) {
      const feeds = html(dist(), page)
        .querySelectorAll('[data-feed]')
        .map((li) => li.getAttribute('data-feed'));
      expect(feeds, page).toContain(`${site}/${code}/rss.xml`);
    }
  });

  it('is in the sitemap, with alternates in every language', () => {
    const xml = read('sitemap-0.xml');
    const entry = (loc: string) => new RegExp(`<url><loc>${loc}</loc>(.*?)</url>`).exec(xml)?.[1];
    expect(entry(`${site}/${code}/posts/${slug}/`), 'the article').toBeDefined();
    const home = entry(`${site}/${code}/`);
    for (const [lang, path] of [
      ['en', '/'],
      ['zh-CN', '/zh/'],
      [code, `/${code}/`],
    ]) {
      expect(home, `the home page's ${lang} alternate`).toContain(
        `<xhtml:link rel="alternate" hreflang="${lang}" href="${site}${path}"/>`,
      );
    }
    expect(xml).not.toContain('404');
  });

  it('has a search index of its own, with the article in it', () => {
    const entry = JSON.parse(read('pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual([code, 'en', 'zh-cn']);
    expect(entry.languages[code]!.page_count).toBe(1);
    const pages = pagefindFragments(dist()).filter((f) => f.language === code);
    expect(pages.map((p) => p.fragment.url)).toEqual([`/${code}/posts/${slug}/`]);
    expect(pages[0]!.fragment.meta['title']).toBe(title);
    expect(html(dist(), `${code}/index.html`).querySelector('search-panel')?.getAttribute('data-lang')).toBe(code);
  });

  it('has a 404 page where static hosts look, in its words', () => {
    expect(existsSync(join(dist(), `${code}/404`))).toBe(false);
    const doc = html(dist(), `${code}/404.html`);
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe(code);
    expect(doc.querySelector('h1')?.textContent).toBe(words['notFound.title']);
  });
});
