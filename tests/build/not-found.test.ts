import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { html } from '../helpers/dist';
import { htmlLang, locales, localePrefix, useTranslations } from '../../src/lib/i18n';

/**
 * One route, src/pages/[...lang]/404.astro, makes the 404 page of every language. Astro 7 writes
 * each like any page, to 404/index.html and <locale>/404/index.html (trailingSlash "always",
 * build.format "directory"), and src/integrations/localized-404.ts moves each to the 404.html of
 * its folder, the file static hosts serve for a miss. Only src/pages/404.astro itself would be
 * written as 404.html by Astro.
 */
const dist = join(process.cwd(), 'dist');

describe('404 pages', () => {
  for (const locale of locales) {
    const folder = localePrefix(locale).replace(/^\//, '');
    const file = join(folder, '404.html');

    it(`serves the ${locale} 404 page as ${file}`, () => {
      expect(
        existsSync(join(dist, file)),
        `dist/${file} is missing: Astro no longer writes this page of src/pages/[...lang]/404.astro to ${join(folder, '404/index.html')} for src/integrations/localized-404.ts to move; find where it went in dist/ and move it from there`,
      ).toBe(true);
      expect(
        existsSync(join(dist, folder, '404')),
        `dist/${join(folder, '404/')} is still there: src/integrations/localized-404.ts did not move it to ${file}`,
      ).toBe(false);
      const doc = html(dist, file);
      expect(doc.querySelector('html')?.getAttribute('lang')).toBe(htmlLang[locale]);
      expect(doc.querySelector('h1')?.textContent).toBe(useTranslations(locale)['notFound.title']);
      expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    });
  }
});
