import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pagefindVersion, Slots, writeSearchIndex } from '../../src/integrations/search-index';
import { SHARDS_ATTRIBUTE } from '../../src/lib/search-shards';

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

const article = (lang: string, shards: number | undefined, text: string) =>
  `<!doctype html><html lang="${lang}"><head><title>${text}</title></head><body>` +
  `<search-panel${shards === undefined ? '' : ` ${SHARDS_ATTRIBUTE}="${shards}"`}></search-panel>` +
  `<article data-pagefind-body><h1>${text}</h1><p>${text} body</p></article></body></html>`;

describe('writeSearchIndex', () => {
  it('indexes the pages, and reuses the kept index when they have not changed', async () => {
    const options = site({
      'posts/a/index.html': article('en', 1, 'Alpha'),
      'posts/b/index.html': article('en', 1, 'Bravo'),
    });
    const lines: string[] = [];
    const logger = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
    expect(await writeSearchIndex({ ...options, logger })).toEqual({ pages: 2, shards: 1 });
    expect(existsSync(join(options.dist, 'pagefind/pagefind.js'))).toBe(true);
    await writeSearchIndex({ ...options, output: join(options.dist, '..', 'again'), logger });
    expect(lines).toEqual([
      expect.stringMatching(/^search index: indexed 2 pages in /),
      'search index: 2 pages unchanged, kept from the last build',
    ]);
    expect(existsSync(join(options.dist, '../again/pagefind/pagefind-entry.json'))).toBe(true);
  });

  it('writes an empty index when every article is a draft', async () => {
    const options = site({});
    expect(await writeSearchIndex(options)).toEqual({ pages: 0, shards: 1 });
    expect(existsSync(join(options.dist, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('fails, naming the page, when a page expects another shard count or none', async () => {
    const wrong = site({ 'posts/a/index.html': article('en', 2, 'Alpha') });
    await expect(writeSearchIndex(wrong)).rejects.toThrow(
      `posts/a/index.html declares ${SHARDS_ATTRIBUTE}="2", but language en has 1 shard(s)`,
    );
    const none = site({ 'zh/posts/a/index.html': article('zh-CN', undefined, '容器') });
    await expect(writeSearchIndex(none)).rejects.toThrow(`zh/posts/a/index.html has no ${SHARDS_ATTRIBUTE} attribute`);
  });

  it('with the languages known, reads and indexes a shard only once it is written', async () => {
    const options = site({});
    const page = 'posts/a/index.html';
    const written = Promise.withResolvers<void>();
    const asked: number[] = [];
    const result = writeSearchIndex({
      ...options,
      pages: [page],
      languages: new Map([[page, 'en']]),
      ready: (shard) => {
        asked.push(shard);
        return written.promise;
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Planned and waiting, and the page is not there yet: reading it now would fail.
    expect(asked).toEqual([0]);
    mkdirSync(join(options.dist, 'posts/a'), { recursive: true });
    writeFileSync(join(options.dist, page), article('en', 1, 'Alpha'));
    written.resolve();
    expect(await result).toEqual({ pages: 1, shards: 1 });
    expect(existsSync(join(options.dist, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('fails, naming the page, when a page is not in the language its shard was planned for', async () => {
    const options = site({ 'zh/posts/a/index.html': article('zh-CN', 1, '容器') });
    await expect(
      writeSearchIndex({ ...options, languages: new Map([['zh/posts/a/index.html', 'en']]) }),
    ).rejects.toThrow(/zh\/posts\/a\/index\.html is in zh-cn, not en/);
  });
});

/** A task that records how many tasks run beside it, and finishes when told to. */
function tracked(log: { running: number; most: number; order: number[] }, id: number) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const task = async () => {
    log.running++;
    log.most = Math.max(log.most, log.running);
    log.order.push(id);
    await done;
    log.running--;
  };
  return { task, finish };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Slots', () => {
  it('runs at most its size at once, in the order asked, and more once resized', async () => {
    const slots = new Slots(1);
    const log = { running: 0, most: 0, order: [] as number[] };
    const tasks = [0, 1, 2, 3].map((id) => tracked(log, id));
    const all = Promise.all(tasks.map(({ task }) => slots.run(task)));
    await tick();
    expect(log.order).toEqual([0]);
    slots.resize(2);
    await tick();
    expect(log.order).toEqual([0, 1]);
    tasks[0]!.finish();
    await tick();
    expect(log.order).toEqual([0, 1, 2]);
    for (const { finish } of tasks) finish();
    await all;
    expect(log.order).toEqual([0, 1, 2, 3]);
    expect(log.most).toBe(2);
  });

  it('frees the slot of a task that fails, and passes the failure on', async () => {
    const slots = new Slots(1);
    await expect(slots.run(() => Promise.reject(new Error('indexer failed')))).rejects.toThrow('indexer failed');
    await expect(slots.run(() => Promise.resolve(42))).resolves.toBe(42);
  });
});
