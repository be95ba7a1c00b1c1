import { gzipSync } from 'node:zlib';

/**
 * Size accounting for a built site: totals, the Pagefind index as opposed to Pagefind's own
 * runtime, and the weight of one page with everything a browser fetches to show it.
 */

export interface FileEntry {
  /** Path relative to dist/, with forward slashes. */
  path: string;
  bytes: number;
}

export interface Totals {
  bytes: number;
  files: number;
}

/** Adds up a list of files. */
export function totals(files: readonly FileEntry[]): Totals {
  return { bytes: files.reduce((sum, f) => sum + f.bytes, 0), files: files.length };
}

export interface PagefindFootprint {
  /** Everything under pagefind/. */
  all: Totals;
  /** What grows with the content: index chunks, fragments, filters and per-language metadata. */
  index: Totals;
  /** Pagefind's scripts, styles and WebAssembly, the same size whatever is indexed. */
  runtime: Totals;
  /** One fragment per indexed page. */
  indexedPages: number;
  /** Bundles the index is split into: pagefind/ and each pagefind/shard-<i>/. */
  shards: number;
}

// Shards after the first live in pagefind/shard-<i>/ and hold only index files.
const SHARD = String.raw`^pagefind/(?:shard-\d+/)?`;
const INDEX_FILE = new RegExp(String.raw`${SHARD}(?:(?:index|fragment|filter)/|[^/]+\.pf_meta$|pagefind-entry\.json$)`);
const FRAGMENT = new RegExp(String.raw`${SHARD}fragment/`);
const ENTRY = new RegExp(String.raw`${SHARD}pagefind-entry\.json$`);

/** Splits dist/pagefind/ into the index proper and the runtime that ships with it. */
export function pagefindFootprint(files: readonly FileEntry[]): PagefindFootprint {
  const all = files.filter((f) => f.path.startsWith('pagefind/'));
  const index = all.filter((f) => INDEX_FILE.test(f.path));
  return {
    all: totals(all),
    index: totals(index),
    runtime: totals(all.filter((f) => !INDEX_FILE.test(f.path))),
    indexedPages: all.filter((f) => FRAGMENT.test(f.path)).length,
    shards: all.filter((f) => ENTRY.test(f.path)).length,
  };
}

export interface PageAssets {
  stylesheets: string[];
  /** External scripts the page loads itself (not those it imports later on demand). */
  scripts: string[];
  inlineScriptBytes: number;
  inlineStyleBytes: number;
  /** Fonts the page preloads. Fonts referenced from CSS are found by `cssFontUrls`. */
  fontPreloads: string[];
  images: string[];
}

const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/** What an HTML document asks the browser to fetch, and how much of it is inline. */
export function pageAssets(html: string): PageAssets {
  const assets: PageAssets = {
    stylesheets: [],
    scripts: [],
    inlineScriptBytes: 0,
    inlineStyleBytes: 0,
    fontPreloads: [],
    images: [],
  };
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel.includes('stylesheet')) assets.stylesheets.push(href);
    else if (rel.includes('preload') && attr(tag, 'as') === 'font') assets.fontPreloads.push(href);
  }
  for (const [, open = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(open, 'src');
    if (src) assets.scripts.push(src);
    // JSON-LD is data for search engines, not script the browser runs; it still counts as HTML.
    else if (!/type\s*=\s*["']?application\/ld\+json/i.test(open)) assets.inlineScriptBytes += Buffer.byteLength(body);
  }
  for (const [, body = ''] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    assets.inlineStyleBytes += Buffer.byteLength(body);
  }
  for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src) assets.images.push(src);
  }
  return assets;
}

/** Font files a stylesheet loads through @font-face. */
export function cssFontUrls(css: string): string[] {
  const urls: string[] = [];
  for (const [face] of css.matchAll(/@font-face\s*\{[^}]*\}/gi)) {
    for (const [, , url] of face.matchAll(/url\(\s*(["']?)([^)"']+)\1\s*\)/gi)) if (url) urls.push(url);
  }
  return urls;
}

/**
 * Modules a script imports statically (fetched with it), leaving out `import()` calls, which
 * load later and only when needed (search, for example, loads when a reader opens it).
 */
export function staticImports(js: string): string[] {
  const specs = new Set<string>();
  for (const [, spec] of js.matchAll(/(?:^|[;\s}])import\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']/g)) {
    if (spec) specs.add(spec);
  }
  for (const [, spec] of js.matchAll(/(?:^|[;\s}])export\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+)["']/g)) {
    if (spec) specs.add(spec);
  }
  return [...specs];
}

/** Resolves a URL found in a file served at `from` (both site-absolute paths). */
export function resolveUrl(url: string, from: string): string {
  return new URL(url, new URL(from, 'https://site.invalid')).pathname;
}

export interface Weight {
  files: number;
  raw: number;
  gzip: number;
}

export interface PageWeight {
  html: Weight;
  /** Bytes of the HTML that are inline CSS and inline JS (already counted in `html`). */
  inline: { css: number; js: number };
  css: Weight;
  js: Weight;
  fonts: Weight;
  images: Weight;
  total: Weight;
}

const weigh = (contents: readonly Uint8Array[]): Weight => ({
  files: contents.length,
  raw: contents.reduce((sum, c) => sum + c.byteLength, 0),
  gzip: contents.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).byteLength, 0),
});

/**
 * Everything a first visit to a page downloads, each file counted once, raw and gzipped (as a
 * server compresses it). `read` maps a site-absolute path to the file's bytes, or undefined for
 * URLs outside the site.
 */
export function pageWeight(html: string, pagePath: string, read: (path: string) => Uint8Array | undefined): PageWeight {
  const assets = pageAssets(html);
  const load = (urls: readonly string[], from: string) =>
    [...new Set(urls.map((u) => resolveUrl(u, from)))].flatMap((path) => {
      const bytes = read(path);
      return bytes ? [{ path, bytes }] : [];
    });
  const css = load(assets.stylesheets, pagePath);
  const js = load(assets.scripts, pagePath);
  for (let i = 0; i < js.length; i++) {
    const file = js[i]!;
    for (const dep of load(staticImports(Buffer.from(file.bytes).toString('utf8')), file.path)) {
      if (!js.some((f) => f.path === dep.path)) js.push(dep);
    }
  }
  const fonts = [
    ...load(assets.fontPreloads, pagePath),
    ...css.flatMap((file) => load(cssFontUrls(Buffer.from(file.bytes).toString('utf8')), file.path)),
  ].filter((font, i, list) => list.findIndex((f) => f.path === font.path) === i);
  const images = load(assets.images, pagePath);
  const htmlBytes = Buffer.from(html);
  const parts = {
    html: weigh([htmlBytes]),
    css: weigh(css.map((f) => f.bytes)),
    js: weigh(js.map((f) => f.bytes)),
    fonts: weigh(fonts.map((f) => f.bytes)),
    images: weigh(images.map((f) => f.bytes)),
  };
  const total = Object.values(parts).reduce(
    (sum, w) => ({ files: sum.files + w.files, raw: sum.raw + w.raw, gzip: sum.gzip + w.gzip }),
    { files: 0, raw: 0, gzip: 0 },
  );
  return { ...parts, inline: { css: assets.inlineStyleBytes, js: assets.inlineScriptBytes }, total };
}
