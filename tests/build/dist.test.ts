import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/site.config';
import { contentPosts, findBrokenLinks, html, listFiles } from '../helpers/dist';

/** Inspects the production build in dist/ (npm test builds it before this suite runs). */
const root = process.cwd();
const dist = join(root, 'dist');
const posts = contentPosts(root);
const published = posts.filter((p) => !p.draft);
const drafts = posts.filter((p) => p.draft);
const prefix = (locale: string) => (locale === 'en' ? '' : `${locale}/`);

describe('production build', () => {
  it('exists', () => {
    expect(existsSync(join(dist, 'index.html')), 'run `npm run build` first').toBe(true);
  });

  it('has at least six published articles and at least one draft to guard', () => {
    expect(published.length).toBeGreaterThanOrEqual(6);
    expect(drafts.length).toBeGreaterThanOrEqual(1);
  });

  it('has a page for every published article', () => {
    for (const post of published) {
      const file = `${prefix(post.locale)}posts/${post.slug}/index.html`;
      expect(existsSync(join(dist, file)), file).toBe(true);
      expect(html(dist, file).querySelector('h1')?.text.trim().length).toBeGreaterThan(0);
    }
  });

  it('leaves drafts out of every output: pages, lists, feeds, sitemap', () => {
    const files = listFiles(dist).filter((f) => /\.(html|xml|txt|json)$/.test(f));
    for (const draft of drafts) {
      expect(existsSync(join(dist, `${prefix(draft.locale)}posts/${draft.slug}`))).toBe(false);
      // Each draft's slug and a word only it uses must appear in no built file.
      const marker = /\b(zqx\w+)\b/.exec(draft.body)?.[1];
      for (const file of files) {
        const text = readFileSync(join(dist, file), 'utf8');
        expect(text.includes(draft.slug), `${draft.slug} in ${file}`).toBe(false);
        if (marker) expect(text.includes(marker), `${marker} in ${file}`).toBe(false);
      }
    }
  });

  it('sets <html lang> by language folder', () => {
    for (const file of listFiles(dist).filter((f) => f.endsWith('.html'))) {
      const lang = html(dist, file).querySelector('html')?.getAttribute('lang');
      expect(lang, file).toBe(file.startsWith('zh/') ? 'zh-CN' : 'en');
    }
  });

  it('resolves every internal link, asset and #fragment', () => {
    expect(findBrokenLinks(dist, siteConfig.url)).toEqual([]);
  });

  it('links translations both ways with hreflang alternates and a visible link', () => {
    const pairs = published.filter(
      (p) => p.locale === 'zh' && published.some((e) => e.locale === 'en' && e.slug === p.slug),
    );
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    for (const { slug } of pairs) {
      const en = html(dist, `posts/${slug}/index.html`);
      const zh = html(dist, `zh/posts/${slug}/index.html`);
      expect(en.querySelector('link[hreflang="zh-CN"]')?.getAttribute('href')).toBe(
        `${siteConfig.url}/zh/posts/${slug}/`,
      );
      expect(zh.querySelector('link[hreflang="en"]')?.getAttribute('href')).toBe(`${siteConfig.url}/posts/${slug}/`);
      expect(en.querySelector('a[data-translation-link]')?.getAttribute('href')).toBe(`/zh/posts/${slug}/`);
      expect(en.querySelector('a[data-language-switch]')?.getAttribute('href')).toBe(`/zh/posts/${slug}/`);
    }
  });

  it('gives every article canonical, Open Graph, Twitter and BlogPosting metadata', () => {
    for (const post of published) {
      const path = `/${prefix(post.locale)}posts/${post.slug}/`;
      const doc = html(dist, `${path.slice(1)}index.html`);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${siteConfig.url}${path}`);
      expect(doc.querySelector('meta[property="og:type"]')?.getAttribute('content')).toBe('article');
      expect(doc.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe('summary_large_image');
      const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.text);
      expect(ld['@type']).toBe('BlogPosting');
      expect(ld.inLanguage).toBe(post.locale === 'zh' ? 'zh-CN' : 'en');
    }
  });

  it('shows a table of contents only for articles with three or more sections', () => {
    for (const post of published) {
      const file = `${prefix(post.locale)}posts/${post.slug}/index.html`;
      const sections = (post.body.match(/^## /gm) ?? []).length;
      expect(html(dist, file).querySelector('nav.toc') !== null, file).toBe(sections >= 3);
    }
  });

  it('builds every list page and the 404s in both languages', () => {
    for (const page of [
      'index.html',
      'tags/index.html',
      'archive/index.html',
      'about/index.html',
      'tags/lambda/index.html',
    ]) {
      expect(existsSync(join(dist, page)), page).toBe(true);
      expect(existsSync(join(dist, 'zh', page)), `zh/${page}`).toBe(true);
    }
    expect(existsSync(join(dist, '404.html'))).toBe(true);
    expect(existsSync(join(dist, 'zh/404.html'))).toBe(true);
  });

  it('lists every published article in the sitemap and nothing else', () => {
    const xml = listFiles(dist)
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .map((f) => readFileSync(join(dist, f), 'utf8'))
      .join('');
    for (const post of published) expect(xml).toContain(`${siteConfig.url}/${prefix(post.locale)}posts/${post.slug}/`);
    expect(xml).not.toContain('404');
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${siteConfig.url}/sitemap-index.xml`);
  });

  it('loads no framework runtime, and only a small search loader before search opens', () => {
    const doc = html(dist, 'posts/fargate-vs-lambda/index.html');
    const external = doc.querySelectorAll('script[src]').map((el) => el.getAttribute('src')!);
    expect(external).toHaveLength(1);
    expect(external[0]).toMatch(/^\/_astro\/SearchDialog[^/]*\.js$/);
    const inline = doc.querySelectorAll('script:not([src])').map((el) => el.text);
    const bytes = gzipSync(readFileSync(join(dist, external[0]!.slice(1)))).length + gzipSync(inline.join('')).length;
    expect(bytes).toBeLessThan(5 * 1024);
    const page = readFileSync(join(dist, 'posts/fargate-vs-lambda/index.html'), 'utf8');
    expect(page).not.toMatch(/pagefind\.js|client\.[\w-]+\.js/);
    expect(listFiles(dist).some((f) => /node_modules|react|vue|svelte|preact/.test(f))).toBe(false);
  });
});
