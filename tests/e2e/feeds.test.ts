import type { BrowserContext } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/site.config';
import { builtSite } from '../helpers/browser';

/** What a reader sees when opening a feed in the browser, and the subscribe page's copy buttons. */
const site = builtSite();
let context: BrowserContext;

afterEach(async () => {
  // A route handler may still be fetching (the subscribe page's own requests) when the test ends;
  // closing the context under it fails the run with "Request context disposed". Unroute first.
  await context?.unrouteAll({ behavior: 'ignoreErrors' });
  await context?.close();
});

describe('feeds in a browser', () => {
  for (const [path, heading] of [
    ['/rss.xml', 'This is an RSS feed of Lambda or Fargate'],
    ['/zh/tags/fargate/rss.xml', '这是“Lambda 还是 Fargate”的 RSS 订阅源'],
  ] as const) {
    it(`${path} shows a styled page that explains feeds and links to /subscribe/`, async () => {
      context = await site.browser.newContext();
      // Feed links are absolute on the production domain; serve that domain from the local build.
      await context.route(`${siteConfig.url}/**`, async (route) => {
        const response = await route.fetch({ url: route.request().url().replace(siteConfig.url, site.server.url) });
        await route.fulfill({ response });
      });
      const page = await context.newPage();
      await page.goto(site.server.url + path);
      // No raw XML tree: the stylesheet applied and the explanation is visible.
      expect(await page.content()).not.toContain('does not appear to have any style information');
      const note = await page.evaluate(() => {
        const div = document.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'div')[0]!;
        const style = getComputedStyle(div);
        return { text: div.textContent, display: style.display, border: style.borderTopWidth };
      });
      expect(note.display).toBe('block');
      expect(note.border).toBe('2px');
      expect(note.text).toContain(heading);
      const link = page.locator('a[href$="/subscribe/"]');
      await link.click();
      await page.waitForURL((url) => url.pathname.endsWith('/subscribe/'));
      expect(await page.locator('h1').textContent()).toMatch(/Subscribe|订阅/);
    });
  }
});

describe('subscribe page', () => {
  it('copies each feed address with its button', async () => {
    context = await site.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/zh/subscribe/`);
    const rows = page.locator('li[data-feed]');
    expect(await rows.count()).toBeGreaterThan(3);
    for (const index of [0, 1, 3]) {
      const row = rows.nth(index);
      const url = await row.getAttribute('data-feed');
      await row.locator('copy-button button').click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
      await expect.poll(() => row.locator('[role="status"]').textContent()).toBe('已复制');
    }
    expect(await rows.nth(0).getAttribute('data-feed')).toBe(`${siteConfig.url}/zh/rss.xml`);
  });

  it('has an autodiscovery link on the home page, an article and a tag page', async () => {
    context = await site.browser.newContext();
    const page = await context.newPage();
    for (const path of ['/', '/posts/fargate-vs-lambda/', '/tags/cost/']) {
      await page.goto(site.server.url + path);
      const feeds = await page
        .locator('link[rel="alternate"][type="application/rss+xml"]')
        .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
      expect(feeds[0], path).toBe(`${siteConfig.url}/rss.xml`);
      if (path.startsWith('/tags/')) expect(feeds).toContain(`${siteConfig.url}/tags/cost/rss.xml`);
    }
  });
});
