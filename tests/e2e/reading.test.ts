import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type OpenOptions, builtSite, openPage } from '../helpers/browser';

/** The reading path as a reader takes it, in headless Chromium against the built site. */
const site = builtSite();
let context: BrowserContext;
const consoleErrors: string[] = [];

async function open(path: string, options: OpenOptions = {}): Promise<Page> {
  let page: Page;
  ({ context, page } = await openPage(site.browser, site.server.url + path, consoleErrors, options));
  return page;
}

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

afterEach(async () => {
  await context?.close();
});

describe('reading path', () => {
  it('goes from the home page to an article', async () => {
    const page = await open('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const first = page.locator('main article h3 a').first();
    const title = (await first.textContent())!.trim();
    await first.click();
    await page.waitForURL(/\/posts\/[a-z0-9-]+\/$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('.prose h2').count()).toBeGreaterThan(2);
    expect(await page.locator('nav.toc a').count()).toBeGreaterThan(2);
  });

  it('toggles the theme, remembers it, and applies it before paint on the next page', async () => {
    const page = await open('/posts/choosing-between-lambda-and-fargate/');
    const light = await background(page);
    const toggle = page.locator('theme-toggle button');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const dark = await background(page);
    expect(dark).not.toBe(light);
    // On the next page the saved theme is already set when the first paint could happen.
    await page.goto(`${site.server.url}/tags/`, { waitUntil: 'commit' });
    await page.waitForSelector('body', { state: 'attached' });
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await background(page)).toBe(dark);
  });

  it('follows the operating system theme until the reader chooses', async () => {
    const page = await open('/', { colorScheme: 'dark' });
    expect(await page.locator('theme-toggle button').getAttribute('aria-pressed')).toBe('true');
    const darkByOs = await background(page);
    const light = await open('/', { colorScheme: 'light' });
    expect(await background(light)).not.toBe(darkByOs);
  });

  it('switches language and stays on the same article', async () => {
    const page = await open('/posts/choosing-between-lambda-and-fargate/');
    await page.locator('a[data-language-switch="zh"]').click();
    await page.waitForURL(/\/zh\/posts\/choosing-between-lambda-and-fargate\/$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h1').textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('time').first().textContent()).toBe('2023年1月27日');
    await page.locator('a[data-language-switch="en"]').click();
    await page.waitForURL(/\/posts\/choosing-between-lambda-and-fargate\/$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('takes a reader of an article translated in this release to its Chinese version', async () => {
    const page = await open('/posts/combining-lambda-and-fargate/');
    await page.locator('a[data-language-switch="zh"]').click();
    await page.waitForURL(/\/zh\/posts\/combining-lambda-and-fargate\/$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('copies a code block with an accessible button and announces it', async () => {
    const page = await open('/posts/choosing-between-lambda-and-fargate/');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
    const button = page.locator('figure.code-block button.code-copy').first();
    expect(await button.getAttribute('aria-label')).toBe('Copy: src/start-task.ts');
    await button.click();
    await expect.poll(() => page.locator('code-copy [role="status"]').textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('RunTaskCommand');
  });

  it('offers a skip link as the first stop of the keyboard', async () => {
    const page = await open('/posts/fargate-vs-lambda/');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
  });

  it('fits a 320 px screen without sideways scrolling', async () => {
    for (const path of [
      '/',
      '/posts/combining-lambda-and-fargate/',
      '/zh/posts/fargate-vs-lambda/',
      '/tags/',
      '/zh/archive/',
    ]) {
      const page = await open(path, { width: 320 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBe(0);
      await context.close();
    }
  });

  it('shows the localized 404 page for a missing Chinese URL', async () => {
    const page = await open('/zh/posts/no-such-post/');
    expect(await page.locator('h1').textContent()).toBe('页面不存在');
  });

  it('logged no console errors on any page', () => {
    // The browser reports the deliberate 404 response itself; nothing else may appear.
    const unexpected = consoleErrors.filter((e) => !(e.includes('/no-such-post/') && e.includes('status of 404')));
    expect(unexpected).toEqual([]);
  });
});
