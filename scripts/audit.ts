/**
 * npm run audit: Lighthouse against the built site (run `npm run build` first), with Debian's
 * Chromium. Prints the four category scores and LCP, TBT and CLS for an article page and the
 * home page, on mobile and desktop settings. Usage: npm run audit [-- /posts/some-slug/ ...]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { serveDist } from './static-server';

const dist = join(process.cwd(), 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('No build found: run `npm run build` first.');
  process.exit(2);
}
const paths = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['/posts/choosing-between-lambda-and-fargate/', '/'];
const server = await serveDist(dist);
const chrome = await chromeLauncher.launch({
  chromePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

const rows: string[][] = [];
try {
  for (const path of paths) {
    for (const device of ['mobile', 'desktop'] as const) {
      const result = await lighthouse(
        server.url + path,
        { port: chrome.port, output: 'json', logLevel: 'error' },
        device === 'desktop' ? desktopConfig : undefined,
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { categories, audits } = result.lhr;
      const score = (id: string) => String(Math.round((categories[id]?.score ?? 0) * 100));
      rows.push([
        path,
        device,
        score('performance'),
        score('accessibility'),
        score('best-practices'),
        score('seo'),
        audits['largest-contentful-paint']?.displayValue ?? '',
        audits['total-blocking-time']?.displayValue ?? '',
        audits['cumulative-layout-shift']?.displayValue ?? '',
      ]);
    }
  }
} finally {
  chrome.kill();
  await server.stop();
}

const header = ['page', 'device', 'perf', 'a11y', 'best', 'seo', 'LCP', 'TBT', 'CLS'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
