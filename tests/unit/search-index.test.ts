import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pagefindVersion, writeSearchIndex } from '../../src/integrations/search-index';
import { SHARD_PLAN } from '../../src/lib/search-shards';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A built site of the given pages (path → HTML) in a scratch folder, and where its index goes. */
function site(pages: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'search-index-'));
  made.push(dir);
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(dir, 'dist', path, '..'), { recursive: true });
    writeFileSync(join(dir, 'dist', path), html);
  }
  return {
    dist: join(dir, 'dist'),
    pages: Object.keys(pages),
    kept: join(dir, 'kept'),
    stage: join(dir, 'stage'),
    version: pagefindVersion(process.cwd()),
  };
}

const article = (lang: string, text: string) =>
  `<!doctype html><html lang="${lang}"><head><title>${text}</title></head><body>` +
  `<article data-pagefind-body><h1>${text}</h1><p>${text} body</p></article></body></html>`;

describe('writeSearchIndex', () => {
  it('indexes the pages, and reuses the kept index when they have not changed', async () => {
    const options = site({
      'posts/a/index.html': article('en', 'Alpha'),
      'posts/b/index.html': article('en', 'Bravo'),
    });
    const lines: string[] = [];
    const logger = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
    expect(await writeSearchIndex({ ...options, logger })).toEqual({ pages: 2, shards: 1 });
    expect(existsSync(join(options.dist, 'pagefind/pagefind.js'))).toBe(true);
    await writeSearchIndex({ ...options, output: join(options.dist, '..', 'again'), logger });
    expect(lines).toEqual([
      expect.stringMatching(/^search index, en: indexed 2 pages in /),
      'search index, en: 2 pages unchanged, kept from the last build',
    ]);
    expect(existsSync(join(options.dist, '../again/pagefind/pagefind-entry.json'))).toBe(true);
  });

  it('writes an empty index when every article is a draft', async () => {
    const options = site({});
    expect(await writeSearchIndex(options)).toEqual({ pages: 0, shards: 1 });
    expect(existsSync(join(options.dist, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('publishes the shard plan, and indexes each language on its own', async () => {
    const options = site({
      'posts/a/index.html': article('en', 'Alpha'),
      'zh/posts/a/index.html': article('zh-CN', '容器'),
    });
    const lines: string[] = [];
    const logger = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
    expect(await writeSearchIndex({ ...options, logger, parallel: 2 })).toEqual({ pages: 2, shards: 1 });
    expect(JSON.parse(readFileSync(join(options.dist, SHARD_PLAN), 'utf8'))).toEqual({ en: 1, 'zh-cn': 1 });
    // Each language is indexed on its own, and the entry file lists both.
    expect(lines.sort()).toEqual([
      expect.stringMatching(/^search index, en: indexed 1 pages in /),
      expect.stringMatching(/^search index, zh-cn: indexed 1 pages in /),
    ]);
    const entry = JSON.parse(readFileSync(join(options.dist, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'zh-cn']);
  });
});
