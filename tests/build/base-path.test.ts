import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrokenLinks, html } from '../helpers/dist';

/**
 * Builds the site as it would be deployed under a sub-path of another origin and checks that no
 * link, asset or metadata URL escapes the sub-path.
 */
const site = 'https://example.org';
const base = '/blog/';
const out = mkdtempSync(join(tmpdir(), 'blog-base-'));

beforeAll(() => {
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
    // A clean environment: Vitest exports its own SITE, BASE_URL, DEV and MODE variables.
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', SITE_URL: site, BASE_PATH: base },
    stdio: 'pipe',
  });
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe(`site served under ${base}`, () => {
  it('resolves every internal link and asset inside the sub-path', () => {
    expect(findBrokenLinks(out, site, base)).toEqual([]);
  });

  it('prefixes navigation, canonical, alternates and feeds with the sub-path', () => {
    const doc = html(out, 'posts/choosing-between-lambda-and-fargate/index.html');
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${site}/blog/posts/choosing-between-lambda-and-fargate/`,
    );
    expect(doc.querySelector('link[hreflang="zh-CN"]')?.getAttribute('href')).toBe(
      `${site}/blog/zh/posts/choosing-between-lambda-and-fargate/`,
    );
    expect(doc.querySelector('link[type="application/rss+xml"]')?.getAttribute('href')).toBe(`${site}/blog/rss.xml`);
    const hrefs = doc.querySelectorAll('a[href^="/"]').map((a) => a.getAttribute('href')!);
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) expect(href.startsWith('/blog/'), href).toBe(true);
  });

  it('writes absolute feed links and a robots.txt inside the sub-path', () => {
    const feed = readFileSync(join(out, 'rss.xml'), 'utf8');
    expect(feed).toContain(`<link>${site}/blog/posts/`);
    expect(feed).not.toMatch(new RegExp(`<link>${site}/posts/`));
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${site}/blog/sitemap-index.xml`);
    // Links inside the full article content keep the sub-path too.
    expect(feed).toContain(`href=&quot;${site}/blog/posts/choosing-between-lambda-and-fargate/&quot;`);
    expect(feed).not.toMatch(new RegExp(`href=&quot;${site}/(?!blog/)`));
    expect(feed).toContain('<?xml-stylesheet href="/blog/feed.css" type="text/css"?>');
  });
});
