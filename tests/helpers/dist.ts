import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';

/** Every file under a directory, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** URL path at which a built HTML file is served ("zh/tags/index.html" → "/zh/tags/"). */
export function servedPath(file: string, base = '/'): string {
  const trimmed = base.replace(/\/+$/, '');
  const path = file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file;
  return `${trimmed}/${path}`;
}

const docs = new Map<string, HTMLElement>();
/** Parsed HTML of a built file (cached). */
export function html(dir: string, file: string): HTMLElement {
  const key = join(dir, file);
  let doc = docs.get(key);
  if (!doc) {
    doc = parse(readFileSync(key, 'utf8'));
    docs.set(key, doc);
  }
  return doc;
}

/** The dist file that serves a URL path, or undefined when nothing would. */
export function fileForPath(dir: string, pathname: string, base = '/'): string | undefined {
  const trimmed = base.replace(/\/+$/, '');
  if (trimmed && !pathname.startsWith(`${trimmed}/`)) return undefined;
  let rel = decodeURIComponent(pathname.slice(trimmed.length)).replace(/^\//, '');
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  if (existsSync(join(dir, rel)) && statSync(join(dir, rel)).isFile()) return rel;
  return undefined;
}

export interface BrokenLink {
  page: string;
  link: string;
  reason: string;
}

/**
 * Finds internal links, stylesheets, scripts and images in built HTML that would not resolve,
 * including `#fragment`s that match no id on the target page. External origins are skipped.
 */
export function findBrokenLinks(dir: string, site: string, base = '/'): BrokenLink[] {
  const origin = new URL(site).origin;
  const broken: BrokenLink[] = [];
  const pages = listFiles(dir).filter((f) => f.endsWith('.html'));
  for (const page of pages) {
    const doc = html(dir, page);
    const pageUrl = new URL(servedPath(page, base), origin);
    const refs = [
      ...doc.querySelectorAll('a[href]').map((el) => el.getAttribute('href')!),
      ...doc.querySelectorAll('link[href]').map((el) => el.getAttribute('href')!),
      ...doc.querySelectorAll('img[src], script[src]').map((el) => el.getAttribute('src')!),
      ...doc
        .querySelectorAll('meta[property="og:image"], meta[name="twitter:image"]')
        .map((el) => el.getAttribute('content')!),
      ...doc.querySelectorAll('img[srcset], source[srcset]').flatMap((el) =>
        el
          .getAttribute('srcset')!
          .split(',')
          .map((s) => s.trim().split(/\s+/)[0]!),
      ),
    ];
    for (const ref of refs) {
      if (/^(mailto|tel|data|javascript):/i.test(ref)) continue;
      const url = new URL(ref, pageUrl);
      if (url.origin !== origin) continue;
      const target = fileForPath(dir, url.pathname, base);
      if (!target) {
        broken.push({ page, link: ref, reason: 'no such file' });
        continue;
      }
      if (url.hash && target.endsWith('.html')) {
        const id = decodeURIComponent(url.hash.slice(1));
        const targetDoc = html(dir, target);
        if (!targetDoc.getElementById(id) && !targetDoc.querySelector(`[name="${id.replace(/"/g, '\\"')}"]`)) {
          broken.push({ page, link: ref, reason: `no element with id "${id}" in ${target}` });
        }
      }
    }
  }
  return broken;
}

/** Published and draft articles in content/posts, read straight from the files. */
export function contentPosts(root: string): { locale: string; slug: string; draft: boolean; body: string }[] {
  const dir = join(root, 'content/posts');
  return listFiles(dir)
    .filter((f) => /\.(md|mdx)$/.test(f))
    .map((f) => {
      const [locale, file] = f.split('/') as [string, string];
      const body = readFileSync(join(dir, f), 'utf8');
      const frontMatter = body.split(/^---$/m)[1] ?? '';
      return { locale, slug: file.replace(/\.mdx?$/, ''), draft: /^draft:\s*true\s*$/m.test(frontMatter), body };
    });
}

/** One page of a Pagefind index, as its fragment file stores it. */
export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/**
 * Every page of a Pagefind index, `<dist>/pagefind/` unless another bundle (a shard's folder) is
 * given, with its language. Fragments are gzip files holding "pagefind_dcd" followed by the JSON.
 */
export function pagefindFragments(
  dist: string,
  bundle = 'pagefind',
): { language: string; fragment: PagefindFragment }[] {
  return listFiles(join(dist, bundle, 'fragment')).map((file) => {
    const text = gunzipSync(readFileSync(join(dist, bundle, 'fragment', file))).toString('utf8');
    return { language: file.split('_')[0]!, fragment: JSON.parse(text.slice(text.indexOf('{'))) as PagefindFragment };
  });
}
