import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  cssFontUrls,
  pageAssets,
  pagefindFootprint,
  pageWeight,
  resolveUrl,
  staticImports,
  totals,
} from '../../scripts/bench/sizes';

describe('bench: size accounting', () => {
  it('adds up files', () => {
    expect(totals([])).toEqual({ bytes: 0, files: 0 });
    expect(
      totals([
        { path: 'a', bytes: 3 },
        { path: 'b', bytes: 4 },
      ]),
    ).toEqual({ bytes: 7, files: 2 });
  });

  it('separates the Pagefind index from its runtime', () => {
    const files = [
      { path: 'pagefind/index/en_1.pf_index', bytes: 100 },
      { path: 'pagefind/fragment/en_a.pf_fragment', bytes: 10 },
      { path: 'pagefind/fragment/en_b.pf_fragment', bytes: 10 },
      { path: 'pagefind/filter/en_c.pf_filter', bytes: 5 },
      { path: 'pagefind/pagefind.en_123.pf_meta', bytes: 2 },
      { path: 'pagefind/pagefind-entry.json', bytes: 1 },
      { path: 'pagefind/pagefind.js', bytes: 1000 },
      { path: 'pagefind/wasm.en.pagefind', bytes: 5000 },
      { path: 'posts/x/index.html', bytes: 9999 },
    ];
    expect(pagefindFootprint(files)).toEqual({
      all: { bytes: 6128, files: 8 },
      index: { bytes: 128, files: 6 },
      runtime: { bytes: 6000, files: 2 },
      indexedPages: 2,
      shards: 1,
    });
  });

  it('counts the index files and pages of every shard, and the shards', () => {
    const files = [
      { path: 'pagefind/fragment/en_a.pf_fragment', bytes: 10 },
      { path: 'pagefind/pagefind-entry.json', bytes: 1 },
      { path: 'pagefind/pagefind.js', bytes: 1000 },
      { path: 'pagefind/shard-1/fragment/en_b.pf_fragment', bytes: 10 },
      { path: 'pagefind/shard-1/index/en_2.pf_index', bytes: 50 },
      { path: 'pagefind/shard-1/pagefind.en_9.pf_meta', bytes: 2 },
      { path: 'pagefind/shard-1/pagefind-entry.json', bytes: 1 },
      { path: 'pagefind/shard-12/fragment/en_c.pf_fragment', bytes: 10 },
      { path: 'pagefind/shard-12/pagefind-entry.json', bytes: 1 },
    ];
    const footprint = pagefindFootprint(files);
    expect(footprint.indexedPages).toBe(3);
    expect(footprint.shards).toBe(3);
    expect(footprint.index).toEqual({ bytes: 85, files: 8 });
    expect(footprint.runtime).toEqual({ bytes: 1000, files: 1 });
  });
});

const html = `<!doctype html><html><head>
<link rel="stylesheet" href="/_astro/base.css">
<link rel="preload" as="font" href="/fonts/a.woff2" crossorigin>
<link rel="icon" href="/favicon.svg">
<script type="application/ld+json">{"@type":"BlogPosting"}</script>
<script>document.documentElement.dataset.theme='dark'</script>
<script type="module" src="/_astro/loader.js"></script>
<style>p{color:red}</style>
</head><body><img src="/_astro/hero.png" alt=""><p>Hi</p></body></html>`;

describe('bench: page weight', () => {
  it('finds what a page fetches and what is inline', () => {
    expect(pageAssets(html)).toEqual({
      stylesheets: ['/_astro/base.css'],
      scripts: ['/_astro/loader.js'],
      inlineScriptBytes: Buffer.byteLength("document.documentElement.dataset.theme='dark'"),
      inlineStyleBytes: Buffer.byteLength('p{color:red}'),
      fontPreloads: ['/fonts/a.woff2'],
      images: ['/_astro/hero.png'],
    });
  });

  it('reads fonts from @font-face only', () => {
    const css = `@font-face{font-family:X;src:url("/f/x.woff2") format("woff2"),url(/f/x.woff)}body{background:url(/bg.png)}`;
    expect(cssFontUrls(css)).toEqual(['/f/x.woff2', '/f/x.woff']);
  });

  it('follows static imports, not dynamic ones', () => {
    const js = `import{a as e}from"./preload.js";import "./side.js";export*from"./re.js";const c=()=>import(\`./client.js\`);import.meta.url`;
    expect(staticImports(js)).toEqual(['./preload.js', './side.js', './re.js']);
  });

  it('resolves URLs against the file that names them', () => {
    expect(resolveUrl('./x.js', '/_astro/loader.js')).toBe('/_astro/x.js');
    expect(resolveUrl('/a.css', '/posts/p/')).toBe('/a.css');
    expect(resolveUrl('https://cdn.example/x.js', '/posts/p/')).toBe('/x.js');
  });

  it('weighs every file once, raw and gzipped', () => {
    const files: Record<string, string> = {
      '/_astro/base.css': 'body{margin:0}'.repeat(20),
      '/_astro/loader.js': 'import"./preload.js";import"./preload.js";console.log(1)',
      '/_astro/preload.js': 'export const p=1',
      '/fonts/a.woff2': 'FONTDATA',
      '/_astro/hero.png': 'PNG',
    };
    const read = (path: string) => (files[path] === undefined ? undefined : Buffer.from(files[path]));
    const w = pageWeight(html, '/posts/x/', read);
    expect(w.html.raw).toBe(Buffer.byteLength(html));
    expect(w.html.gzip).toBe(gzipSync(html, { level: 9 }).byteLength);
    expect(w.css).toMatchObject({ files: 1, raw: 280 });
    expect(w.js.files).toBe(2);
    expect(w.js.raw).toBe(files['/_astro/loader.js']!.length + files['/_astro/preload.js']!.length);
    expect(w.fonts).toMatchObject({ files: 1, raw: 8 });
    expect(w.images).toMatchObject({ files: 1, raw: 3 });
    expect(w.total.files).toBe(6);
    expect(w.total.raw).toBe(w.html.raw + w.css.raw + w.js.raw + w.fonts.raw + w.images.raw);
  });

  it('counts nothing for assets outside the site', () => {
    const w = pageWeight('<script src="https://cdn.example/x.js"></script>', '/', () => undefined);
    expect(w.js.files).toBe(0);
  });
});
