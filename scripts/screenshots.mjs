#!/usr/bin/env node
/**
 * Screenshots of key pages at phone and desktop widths, in light and dark, for a visual review.
 * Usage: node scripts/screenshots.mjs [baseUrl] [outDir]  (serve the built site first: npm run preview)
 */
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:4321';
const out = process.argv[3] ?? 'screenshots';
const pages = (
  process.env.PAGES ?? '/,/posts/choosing-between-lambda-and-fargate/,/zh/,/zh/posts/fargate-vs-lambda/'
).split(',');
const widths = [375, 1280];
const themes = ['light', 'dark'];

await mkdir(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
for (const theme of themes) {
  for (const width of widths) {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      colorScheme: theme,
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(base + path, { waitUntil: 'networkidle' });
      const name = `${path.replace(/\//g, '_').replace(/^_|_$/g, '') || 'home'}-${width}-${theme}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL === '1' });
      console.log(`${out}/${name}`);
    }
    await context.close();
  }
}
await browser.close();
