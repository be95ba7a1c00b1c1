import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Debian's Chromium unless CHROMIUM_PATH says otherwise; no browser is ever downloaded. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Headless Chromium with the flags a closed network needs (no background requests). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

import { serveDist, type Server } from '../../scripts/static-server';

export { serveDist, type Server };

export interface OpenOptions {
  width?: number;
  colorScheme?: 'light' | 'dark';
  javaScriptEnabled?: boolean;
}

/**
 * Opens a URL in a fresh browser context and records console errors and uncaught exceptions into
 * `errors`, so each suite can assert at the end that nothing went wrong on any page it visited.
 */
export async function openPage(
  browser: Browser,
  url: string,
  errors: string[],
  options: OpenOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
  await page.goto(url);
  return { context, page };
}

/**
 * Serves dist/ and starts Chromium once for a test file, and stops both afterwards. Call at the
 * top level of a test file; read `server` and `browser` inside tests.
 */
export function builtSite(dir = join(process.cwd(), 'dist')): { readonly server: Server; readonly browser: Browser } {
  let server: Server | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveDist(dir);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('The site is served only while tests run.');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('The browser runs only while tests run.');
      return browser;
    },
  };
}
