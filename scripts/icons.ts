/**
 * Renders the site's icons from public/favicon.svg: favicon.ico (16, 32 and 48 px, for feed readers
 * and older browsers), icon-192.png and icon-512.png (the web app manifest) and apple-touch-icon.png.
 * Run after changing favicon.svg: npm run icons (uses Debian's Chromium, like the tests).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { icoFromPngs } from '../src/lib/ico';

const publicDir = new URL('../public/', import.meta.url);
const svg = readFileSync(new URL('favicon.svg', publicDir), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

/** The SVG drawn at `size` px square on a transparent page. */
async function render(size: number, padding = 0): Promise<Uint8Array> {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = size - 2 * padding;
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><img style="display:block;margin:${padding}px" width="${inner}" height="${inner}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`,
  );
  const png = await page.screenshot({ omitBackground: true });
  await page.close();
  return new Uint8Array(png);
}

writeFileSync(new URL('favicon.ico', publicDir), icoFromPngs([await render(16), await render(32), await render(48)]));
writeFileSync(new URL('icon-192.png', publicDir), await render(192));
writeFileSync(new URL('icon-512.png', publicDir), await render(512));
// iOS puts its own rounded mask on the icon; a small margin keeps the mark clear of it.
writeFileSync(new URL('apple-touch-icon.png', publicDir), await render(180, 8));
await browser.close();
console.log('wrote public/favicon.ico, icon-192.png, icon-512.png and apple-touch-icon.png');
