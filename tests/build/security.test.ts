import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cspFromHtml, mergeCsp, parseCsp } from '../../src/lib/csp';
import { siteConfig } from '../../src/site.config';
import { contentPosts, html, listFiles } from '../helpers/dist';

/** Security and weight properties of the production build in dist/. */
const dist = join(process.cwd(), 'dist');
const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const gz = (data: string | Buffer) => gzipSync(data).length;

describe('Content-Security-Policy', () => {
  it('is declared on every page, with no inline-script or eval escape hatch', () => {
    for (const page of pages) {
      const policy = parseCsp(cspFromHtml(readFileSync(join(dist, page), 'utf8')) ?? '');
      const scripts = policy.get('script-src') ?? [];
      expect(scripts, page).toContain("'self'");
      expect(scripts, page).toContain("'wasm-unsafe-eval'");
      expect(
        scripts.filter((s) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'https:', 'http:', 'data:'].includes(s)),
        page,
      ).toEqual([]);
      expect(policy.get('default-src'), page).toEqual(["'self'"]);
      expect(policy.get('object-src'), page).toEqual(["'none'"]);
      expect(policy.get('worker-src'), page).toEqual(["'self'", 'blob:']);
      for (const [directive, sources] of policy)
        expect(sources, `${page} ${directive}`).not.toContain("'unsafe-inline'");
    }
  });

  it('allows every inline script and style the page contains by its hash', () => {
    for (const page of pages) {
      const doc = html(dist, page);
      const policy = parseCsp(cspFromHtml(readFileSync(join(dist, page), 'utf8'))!);
      for (const script of doc.querySelectorAll('script:not([src])')) {
        if (script.getAttribute('type') === 'application/ld+json') continue;
        expect(policy.get('script-src'), `${page}: ${script.text.slice(0, 60)}`).toContain(sha256(script.text));
      }
      for (const style of doc.querySelectorAll('style')) {
        expect(policy.get('style-src'), `${page}: <style>`).toContain(sha256(style.text));
      }
    }
  });

  it('needs no inline style: no element carries a style attribute', () => {
    for (const page of pages) expect(html(dist, page).querySelectorAll('[style]').length, page).toBe(0);
  });

  it('loads nothing from other origins', () => {
    for (const page of pages) {
      const doc = html(dist, page);
      const refs = [
        ...doc.querySelectorAll('script[src], img[src]').map((e) => e.getAttribute('src')!),
        ...doc
          .querySelectorAll('link[rel="stylesheet"], link[rel="icon"], link[rel="preload"], link[rel="modulepreload"]')
          .map((e) => e.getAttribute('href')!),
      ];
      for (const ref of refs) expect(ref, page).toMatch(/^\/(?!\/)/);
    }
  });
});

describe('external links in articles', () => {
  it('open with rel="noopener noreferrer"', () => {
    const articles = pages.filter((p) => /posts\/[^/]+\/index\.html$/.test(p));
    let external = 0;
    for (const page of articles) {
      for (const a of html(dist, page).querySelectorAll('.prose a[href^="http"]')) {
        if (a.getAttribute('href')!.startsWith(siteConfig.url)) continue;
        external++;
        expect(a.getAttribute('rel'), `${page}: ${a.getAttribute('href')}`).toBe('noopener noreferrer');
      }
    }
    expect(external).toBeGreaterThan(20);
  });
});

describe('deployment headers (dist/_headers)', () => {
  const file = readFileSync(join(dist, '_headers'), 'utf8');
  const block = (pattern: string) => {
    const lines = file.split('\n');
    const start = lines.indexOf(pattern);
    const end = lines.findIndex((l, i) => i > start && l.trim() !== '' && !l.startsWith(' ') && !l.startsWith('#'));
    return lines.slice(start + 1, end === -1 ? undefined : end).join('\n');
  };

  it('sends the pages’ policy, plus frame-ancestors, as a header for every path', () => {
    const policies = pages.map((p) => cspFromHtml(readFileSync(join(dist, p), 'utf8'))!);
    expect(block('/*')).toContain(`Content-Security-Policy: ${mergeCsp([...policies, "frame-ancestors 'none'"])}`);
  });

  it('sets nosniff, a referrer policy, revalidation for pages and immutable caching for hashed assets', () => {
    expect(block('/*')).toContain('X-Content-Type-Options: nosniff');
    expect(block('/*')).toContain('Referrer-Policy: strict-origin-when-cross-origin');
    expect(block('/*')).toContain('Cache-Control: public, max-age=0, must-revalidate');
    expect(block('/_astro/*')).toContain('Cache-Control: public, max-age=31536000, immutable');
    // Every file under _astro/ has a content hash in its name, so caching it forever is safe.
    for (const asset of listFiles(join(dist, '_astro'))) expect(asset).toMatch(/\.[\w-]{8,}\.\w+$/);
  });
});

describe('page weight', () => {
  /** Gzipped bytes of an article page: its HTML plus the CSS, JavaScript and fonts it loads up front. */
  function articleWeight(page: string) {
    const source = readFileSync(join(dist, page), 'utf8');
    const doc = html(dist, page);
    const css = doc
      .querySelectorAll('link[rel="stylesheet"]')
      .map((l) => gz(readFileSync(join(dist, l.getAttribute('href')!))));
    const js = doc.querySelectorAll('script[src]').map((s) => gz(readFileSync(join(dist, s.getAttribute('src')!))));
    const inlineJs = gz(
      doc
        .querySelectorAll('script:not([src])')
        .map((s) => s.text)
        .join(''),
    );
    const fonts = listFiles(dist).filter((f) => /\.(woff2?|ttf|otf)$/.test(f));
    return {
      html: gz(source),
      css: css.reduce((a, b) => a + b, 0),
      js: js.reduce((a, b) => a + b, 0) + inlineJs,
      fonts: fonts.length,
    };
  }

  it('keeps every article under 35 KB gzip in all, with at most 5 KB of JavaScript and no font files', () => {
    const published = contentPosts(process.cwd()).filter((p) => !p.draft && !p.slug.startsWith('what-lambda'));
    for (const post of published) {
      const page = `${post.locale === 'en' ? '' : 'zh/'}posts/${post.slug}/index.html`;
      const w = articleWeight(page);
      expect(w.fonts, page).toBe(0);
      expect(w.js, page).toBeLessThanOrEqual(5 * 1024);
      expect(w.html + w.css + w.js, page).toBeLessThanOrEqual(35 * 1024);
    }
  });
});
