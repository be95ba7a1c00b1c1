import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { builtSite, openPage } from '../helpers/browser';
import { contentPosts } from '../helpers/dist';

/** Search as a reader uses it, in headless Chromium against the built site in dist/. */
const site = builtSite();
let context: BrowserContext;
const errors: string[] = [];
const published = contentPosts(process.cwd()).filter((p) => !p.draft);

/** A word that appears in exactly one English article, and that article's URL. */
const unique = (() => {
  for (const word of ['firecracker', 'rekognition', 'terraform', 'kinesis']) {
    const hits = published.filter((p) => p.locale === 'en' && p.body.toLowerCase().includes(word));
    if (hits.length === 1) return { word, url: `/posts/${hits[0]!.slug}/` };
  }
  throw new Error('no word found that only one English article uses');
})();

async function open(path: string, width = 1280): Promise<Page> {
  let page: Page;
  ({ context, page } = await openPage(site.browser, site.server.url + path, errors, { width }));
  return page;
}

const resultUrls = (page: Page, scope: string) =>
  page
    .locator(`${scope} a.result`)
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

afterEach(async () => {
  await context?.close();
});

describe('search', () => {
  it('downloads nothing of search until it is opened', async () => {
    const page = await open('/posts/fargate-vs-lambda/');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(requests.filter((u) => /pagefind|\/client\./.test(u))).toEqual([]);
    // Opening search is what fetches Pagefind (the panel marks itself mounted before it asks).
    const [pagefind] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/pagefind/pagefind.js')),
      page.locator('[data-search-open]').click(),
    ]);
    expect(new URL(pagefind.url()).pathname).toBe('/pagefind/pagefind.js');
  });

  it('opens with Ctrl-K, finds an English word first in its only article, and announces the count', async () => {
    const page = await open('/');
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => (document.querySelector('#search-dialog') as HTMLDialogElement).open)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type(unique.word);
    await expect
      .poll(() => page.locator('#search-dialog [role="status"]').textContent())
      .toBe(`1 result for “${unique.word}”`);
    expect(await resultUrls(page, '#search-dialog')).toEqual([unique.url]);
    const first = page.locator('#search-dialog a.result').first();
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
    expect(await first.locator('time').count()).toBe(1);
    expect(await first.locator('.result-tag').count()).toBeGreaterThan(0);
  });

  it('finds Chinese articles for Chinese words, from Chinese pages only', async () => {
    for (const word of ['无服务器', '容器']) {
      const page = await open('/zh/');
      await page.keyboard.press('Control+k');
      await page.keyboard.type(word);
      await page.waitForSelector('#search-dialog a.result');
      const urls = await resultUrls(page, '#search-dialog');
      expect(urls.length, word).toBeGreaterThan(0);
      for (const url of urls) expect(url, word).toMatch(/^\/zh\/posts\//);
      // Pagefind segments Chinese text, so each highlight is the word or a segment of it.
      const marks = await page.locator('#search-dialog a.result mark').allTextContents();
      expect(marks.length, word).toBeGreaterThan(0);
      const segments = marks.map((m) => m.replace(/[\s\p{P}]/gu, '')).filter((m) => m && word.includes(m));
      expect(segments.length, `${word}: ${marks.join(' ')}`).toBeGreaterThan(0);
      await context.close();
    }
  });

  it('opens a result and highlights the matched words in the article', async () => {
    const page = await open('/');
    await page.keyboard.press('Control+k');
    await page.keyboard.type(unique.word);
    await page.waitForSelector('#search-dialog a.result');
    await page.locator('#search-dialog a.result').first().click();
    await page.waitForURL((url) => url.pathname === unique.url);
    expect(new URL(page.url()).searchParams.get('highlight')).toBe(unique.word);
    await page.waitForSelector('mark.pagefind-highlight');
    expect((await page.locator('mark.pagefind-highlight').first().textContent())?.toLowerCase()).toBe(unique.word);
  });

  it('works with the keyboard alone: "/" to open, arrows to move, Enter to open, Escape to close', async () => {
    const page = await open('/tags/');
    await page.keyboard.press('/');
    await page.keyboard.type('lambda');
    await page.waitForSelector('#search-dialog a.result >> nth=1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    expect(second).toBe(
      await page
        .locator('#search-dialog a.result')
        .nth(1)
        .evaluate((a) => (a as HTMLAnchorElement).href),
    );
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (document.querySelector('#search-dialog') as HTMLDialogElement).open)).toBe(false);
    // Enter on the field opens the first result (once the reopened dialog has the focus, as a
    // reader would see it before pressing Enter).
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.closest('dialog[open]') !== null);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/posts\//);
  });

  it('traps focus in the dialog and returns it to the opener', async () => {
    const page = await open('/');
    const opener = page.locator('[data-search-open]');
    await opener.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('fargate');
    await page.waitForSelector('#search-dialog a.result');
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => !!document.activeElement?.closest('#search-dialog'));
      expect(inside, `Tab ${i + 1}`).toBe(true);
    }
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-open'))).toBe(true);
  });

  it('reads ?q= on the search page, narrows by tag, and keeps the URL shareable', async () => {
    const page = await open('/search/?q=lambda');
    await page.waitForSelector('search-panel[data-mode="page"] a.result');
    expect(await page.locator('search-panel[data-mode="page"] input').inputValue()).toBe('lambda');
    const all = (await resultUrls(page, 'search-panel[data-mode="page"]')).length;
    await page.locator('search-panel[data-mode="page"] button.filter-tag[data-tag="cost"]').click();
    await expect.poll(async () => (await resultUrls(page, 'search-panel[data-mode="page"]')).length).toBeLessThan(all);
    const tags = await page
      .locator('search-panel[data-mode="page"] a.result')
      .evaluateAll((links) => links.map((a) => a.textContent ?? ''));
    for (const text of tags) expect(text).toContain('#Cost');
    expect(new URL(page.url()).search).toBe('?q=lambda&tag=cost');
  });

  it('shows Chinese results on the Chinese search page', async () => {
    const page = await open(`/zh/search/?q=${encodeURIComponent('容器')}`);
    await page.waitForSelector('search-panel[data-mode="page"] a.result');
    expect(await page.locator('search-panel[data-mode="page"] [role="status"]').textContent()).toMatch(
      /“容器”共有 \d+ 条结果/,
    );
  });

  it('fits a 320 px screen', async () => {
    const page = await open('/', 320);
    await page.locator('[data-search-open]').click();
    await page.keyboard.type('fargate');
    await page.waitForSelector('#search-dialog a.result');
    const overflow = await page.evaluate(() => {
      const d = document.querySelector('#search-dialog')!;
      return d.scrollWidth - d.clientWidth;
    });
    expect(overflow).toBe(0);
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
