import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, serveDist, type Server } from '../helpers/browser';

/** Search, its index and the highlight script all load from the sub-path when BASE_PATH is set. */
const out = mkdtempSync(join(tmpdir(), 'blog-base-search-'));
let server: Server;
let browser: Browser;

beforeAll(async () => {
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', BASE_PATH: '/blog' },
    stdio: 'pipe',
  });
  server = await serveDist(out, '/blog/');
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(out, { recursive: true, force: true });
});

describe('search under /blog/', () => {
  it('finds, opens and highlights a result without leaving the sub-path', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (!path.startsWith('/blog/')) outside.push(path);
    });
    await page.goto(`${server.url}/zh/`);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('容器');
    await page.waitForSelector('#search-dialog a.result');
    const href = await page.locator('#search-dialog a.result').first().getAttribute('href');
    expect(href).toMatch(/^\/blog\/zh\/posts\/[a-z0-9-]+\/\?highlight=/);
    await page.locator('#search-dialog a.result').first().click();
    await page.waitForSelector('mark.pagefind-highlight');
    expect(outside).toEqual([]);
  });
});
