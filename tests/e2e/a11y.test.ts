import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtSite } from '../helpers/browser';

/**
 * axe-core on every page type, in both languages and both themes, with zero violations allowed;
 * and every request those pages make goes to the site itself.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const site = builtSite();
const requests = new Set<string>();

const pageTypes = {
  home: '/',
  article: '/posts/choosing-between-lambda-and-fargate/',
  'article with calculators': '/posts/what-lambda-and-fargate-cost/',
  tag: '/tags/lambda/',
  tags: '/tags/',
  archive: '/archive/',
  about: '/about/',
  search: '/search/?q=lambda',
  'cost calculator': '/tools/cost/',
  'decision guide': '/tools/decide/',
  tools: '/tools/',
  subscribe: '/subscribe/',
  '404': '/404.html',
};

async function audit(page: Page): Promise<string[]> {
  // evaluate() runs outside the page's CSP, which (rightly) forbids injected inline scripts.
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
  });
  return results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
}

describe('accessibility (axe-core)', () => {
  const runs = [
    { theme: 'light', locale: 'en', width: 1280 },
    { theme: 'light', locale: 'zh', width: 1280 },
    { theme: 'dark', locale: 'en', width: 1280 },
    { theme: 'dark', locale: 'zh', width: 1280 },
    // Phones hide some labels and rearrange the header: check them too.
    { theme: 'light', locale: 'en', width: 375 },
    { theme: 'dark', locale: 'zh', width: 375 },
  ] as const;
  for (const { theme, locale, width } of runs) {
    {
      it(`has no violations on any page type, ${locale}, ${theme}, ${width} px`, async () => {
        const context = await site.browser.newContext({ colorScheme: theme, viewport: { width, height: 900 } });
        const page = await context.newPage();
        page.on('request', (r) => requests.add(r.url()));
        const found: string[] = [];
        for (const [type, path] of Object.entries(pageTypes)) {
          await page.goto(site.server.url + (locale === 'zh' ? `/zh${path}` : path));
          await page.waitForLoadState('networkidle');
          if (type === 'search') await page.waitForSelector('search-panel[data-mode="page"] a.result');
          for (const v of await audit(page)) found.push(`${type}: ${v}`);
        }
        // The open search dialog, with results, is a page state of its own.
        await page.goto(site.server.url + (locale === 'zh' ? '/zh/' : '/'));
        await page.keyboard.press('Control+k');
        await page.keyboard.type(locale === 'zh' ? '容器' : 'fargate');
        await page.waitForSelector('#search-dialog a.result');
        for (const v of await audit(page)) found.push(`search dialog: ${v}`);
        await context.close();
        expect(found).toEqual([]);
      });
    }
  }

  it('made every request to the site itself', () => {
    const origin = new URL(site.server.url).origin;
    expect(requests.size).toBeGreaterThan(50);
    expect([...requests].filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});
