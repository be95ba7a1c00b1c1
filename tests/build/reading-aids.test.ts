import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPosts, html } from '../helpers/dist';

/**
 * What an article offers besides its text, in the production build: its series box and the
 * series pages, related articles, and when the prices it shows were read. npm test builds with
 * SITE_BUILD_DATE=2026-12-03, so whether figures count as old does not depend on the day it runs.
 */
const root = process.cwd();
const dist = join(root, 'dist');
const published = contentPosts(root).filter((p) => !p.draft);
const file = (p: { locale: string; slug: string }) =>
  `${p.locale === 'en' ? '' : `${p.locale}/`}posts/${p.slug}/index.html`;
const serial = published.filter((p) => /^series:/m.test(p.body.split(/^---$/m)[1] ?? ''));

describe('series', () => {
  it('has five parts in each language, each with its box saying which part it is', () => {
    for (const locale of ['en', 'zh']) expect(serial.filter((p) => p.locale === locale)).toHaveLength(5);
    for (const post of serial) {
      const box = html(dist, file(post)).querySelector('nav.series');
      expect(box, file(post)).not.toBeNull();
      expect(box!.querySelectorAll('li')).toHaveLength(5);
      expect(box!.querySelector('[aria-current="page"]')).not.toBeNull();
      expect(box!.querySelector('.part')!.text).toMatch(/^(Part \d of 5|第 \d 篇，共 5 篇)$/);
    }
  });

  it('has a page per language listing the parts in order, linked to its translation', () => {
    for (const prefix of ['', 'zh/']) {
      const path = `${prefix}series/lambda-and-fargate-in-2026/index.html`;
      expect(existsSync(join(dist, path)), path).toBe(true);
      const page = html(dist, path);
      const parts = page.querySelectorAll('ol.parts h2 a').map((a) => a.getAttribute('href'));
      expect(parts[0]).toBe(`/${prefix}posts/what-changed-in-2025-26/`);
      expect(parts).toHaveLength(5);
      const alternates = page
        .querySelectorAll('link[rel="alternate"][hreflang]')
        .map((l) => l.getAttribute('hreflang'));
      expect(alternates).toEqual(expect.arrayContaining(['en', 'zh-CN']));
    }
  });

  it('is listed on the tags page', () => {
    expect(html(dist, 'tags/index.html').querySelector('a[href="/series/lambda-and-fargate-in-2026/"]')).not.toBeNull();
    expect(
      html(dist, 'zh/tags/index.html').querySelector('a[href="/zh/series/lambda-and-fargate-in-2026/"]'),
    ).not.toBeNull();
  });
});

describe('related articles', () => {
  it('ends every article with up to three others in its own language', () => {
    for (const post of published) {
      const links = html(dist, file(post))
        .querySelectorAll('section.related h3 a')
        .map((a) => a.getAttribute('href')!);
      expect(links.length, file(post)).toBeGreaterThan(0);
      expect(links.length).toBeLessThanOrEqual(3);
      for (const link of links) expect(link.startsWith('/zh/'), `${file(post)} → ${link}`).toBe(post.locale === 'zh');
      expect(links).not.toContain(`/${post.locale === 'en' ? '' : 'zh/'}posts/${post.slug}/`);
    }
  });
});

describe('freshness', () => {
  it('dates the figures of every article that shows data, and warns when some are old', () => {
    for (const post of published.filter((p) =>
      /<(PriceTable|LambdaLimits|FargateTaskSizes|CostCalculator)\b/.test(p.body),
    )) {
      const note = html(dist, file(post)).querySelector('.freshness');
      expect(note, file(post)).not.toBeNull();
      expect(note!.text).toMatch(/were read (on|between)|读取于/);
      // At the pinned build date, the oldest figures these articles show are over six months old.
      expect(note!.classList.contains('stale')).toBe(true);
      expect(note!.querySelector('a')!.getAttribute('href')).toMatch(/^#/);
    }
  });

  it('says nothing about data in articles that show none', () => {
    const plain = published.filter((p) => !/<(PriceTable|LambdaLimits|FargateTaskSizes|CostCalculator)\b/.test(p.body));
    expect(plain.length).toBeGreaterThan(0);
    for (const post of plain) expect(html(dist, file(post)).querySelector('.freshness'), file(post)).toBeNull();
  });
});

describe('what browsers and feed readers ask for', () => {
  it('serves favicon.ico and links a manifest in the page language from every page', () => {
    expect(existsSync(join(dist, 'favicon.ico'))).toBe(true);
    for (const [page, manifest] of [
      ['index.html', '/manifest.webmanifest'],
      ['zh/posts/the-whole-bill/index.html', '/zh/manifest.webmanifest'],
      ['tools/cost/index.html', '/manifest.webmanifest'],
    ] as const) {
      const doc = html(dist, page);
      expect(doc.querySelector('link[rel="manifest"]')?.getAttribute('href'), page).toBe(manifest);
      expect(doc.querySelector('link[rel="icon"][href="/favicon.ico"]'), page).not.toBeNull();
    }
    const zh = JSON.parse(readFileSync(join(dist, 'zh/manifest.webmanifest'), 'utf8'));
    expect(zh).toMatchObject({ name: 'Lambda 还是 Fargate', lang: 'zh-CN', start_url: '/zh/' });
    for (const icon of zh.icons) expect(existsSync(join(dist, icon.src)), icon.src).toBe(true);
  });
});

describe('social cards', () => {
  it('gives every article its own 1200 × 630 card, named in og:image and twitter:image', async () => {
    const { pngSize } = await import('../../src/lib/ico');
    for (const post of published) {
      const dir = file(post).replace(/index\.html$/, '');
      const card = join(dist, dir, 'card.png');
      expect(existsSync(card), card).toBe(true);
      expect(pngSize(new Uint8Array(readFileSync(card)))).toEqual({ width: 1200, height: 630 });
      const doc = html(dist, file(post));
      const og = doc.querySelector('meta[property="og:image"]')?.getAttribute('content');
      expect(og, file(post)).toMatch(new RegExp(`/${dir}card\\.png$`));
      expect(doc.querySelector('meta[name="twitter:image"]')?.getAttribute('content')).toBe(og);
    }
  });
});
