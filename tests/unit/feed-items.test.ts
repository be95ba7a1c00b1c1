import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FEED_ITEM_CACHE_ENV, FeedItemStore, type FeedItemCacheSettings } from '../../src/content/feed-items';
import { feedItemCache } from '../../src/integrations/feed-item-cache';
import { sourceFingerprint } from '../../src/integrations/files';
import { pathToFileURL } from 'node:url';

const root = mkdtempSync(join(tmpdir(), 'feed-items-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
const settings = (over: Partial<FeedItemCacheSettings> = {}): FeedItemCacheSettings => ({
  dir: join(root, `cache-${n}`),
  fingerprint: 'f1',
  reuse: true,
  ...over,
});

describe('FeedItemStore', () => {
  it('keys an item by the source fingerprint and its article id, digest and URL', () => {
    const store = new FeedItemStore(settings());
    const key = store.keyOf('en/a.md', 'd1', 'https://x.test/posts/a/');
    expect(key).toBe(new FeedItemStore(settings()).keyOf('en/a.md', 'd1', 'https://x.test/posts/a/'));
    expect(
      new FeedItemStore(settings({ fingerprint: 'f2' })).keyOf('en/a.md', 'd1', 'https://x.test/posts/a/'),
    ).not.toBe(key);
    expect(store.keyOf('en/b.md', 'd1', 'https://x.test/posts/a/')).not.toBe(key);
    expect(store.keyOf('en/a.md', 'd2', 'https://x.test/posts/a/')).not.toBe(key);
    expect(store.keyOf('en/a.md', 'd1', 'https://x.test/blog/posts/a/')).not.toBe(key);
    // Without a digest nothing can tell an edited article apart: never kept.
    expect(store.keyOf('en/a.md', undefined, 'https://x.test/posts/a/')).toBeUndefined();
  });

  const bytes = (text: string) => new TextEncoder().encode(text);
  const text = (data: Uint8Array | undefined) => (data === undefined ? undefined : new TextDecoder().decode(data));

  it('gives the next build the items saved by this one, and only those', () => {
    n++;
    const first = new FeedItemStore(settings());
    const [a, b] = [first.keyOf('a', 'd', 'u/a'), first.keyOf('b', 'd', 'u/b')];
    first.save('en', [first.put('en', a, bytes('<item>A</item>')), first.put('en', b, bytes('<item>B</item>'))]);
    first.close();
    const second = new FeedItemStore(settings());
    expect(text(second.previous('en', a))).toBe('<item>A</item>');
    expect(second.previous('zh', a)).toBeUndefined();
    second.save('en', [second.put('en', a, bytes('<item>A2</item>'))]);
    second.close();
    const third = new FeedItemStore(settings());
    expect(text(third.previous('en', a))).toBe('<item>A2</item>');
    expect(third.previous('en', b)).toBeUndefined();
    third.close();
    // One index and the items file it names: the last build's file is gone, and nothing temporary.
    const files = readdirSync(settings().dir);
    expect(files).toHaveLength(2);
    expect(files).toContain('en.json');
    expect(files.find((name) => name !== 'en.json')).toMatch(/^en\.[\w-]+\.items$/);
  });

  it("holds a build's items in a file, not in memory, and reads neighbours back together", () => {
    n++;
    const store = new FeedItemStore(settings());
    const shelved = ['<item>1</item>', '<item>二</item>', '<item>3</item>'].map((xml, i) =>
      store.put('zh', store.keyOf(`p${i}`, 'd', `u${i}`), bytes(xml)),
    );
    const file = readdirSync(settings().dir).find((name) => name.endsWith('.items'))!;
    expect(readFileSync(join(settings().dir, file), 'utf8')).toBe('<item>1</item><item>二</item><item>3</item>');
    expect(text(store.read(shelved[1]!))).toBe('<item>二</item>');
    // In feed order the items follow each other, so they come back as one read.
    expect([...store.readAll(shelved)].map(text)).toEqual(['<item>1</item><item>二</item><item>3</item>']);
    // A tag feed's items are a selection, read in runs.
    expect([...store.readAll([shelved[2]!, shelved[0]!, shelved[1]!])].map(text)).toEqual([
      '<item>3</item>',
      '<item>1</item><item>二</item>',
    ]);
    store.close();
  });

  it('keeps items in memory, and nothing for the next build, without settings', () => {
    const store = new FeedItemStore();
    expect(store.keeps).toBe(false);
    expect(store.keyOf('a', 'd', 'u')).toBeUndefined();
    const [one, two] = [
      store.put('en', undefined, bytes('<item>1</item>')),
      store.put('en', undefined, bytes('<item>2</item>')),
    ];
    expect([...store.readAll([two, one])].map(text)).toEqual(['<item>2</item>', '<item>1</item>']);
    store.save('en', [one, two]);
    expect(new FeedItemStore().previous('en', 'anything')).toBeUndefined();
  });

  it('reuses nothing after a source change, with --force, or from an unreadable or cut file', () => {
    n++;
    const store = new FeedItemStore(settings());
    const key = store.keyOf('a', 'd', 'u');
    store.save('en', [store.put('en', key, bytes('<item>A</item>'))]);
    store.close();
    expect(new FeedItemStore(settings({ fingerprint: 'f2' })).previous('en', key)).toBeUndefined();
    expect(new FeedItemStore(settings({ reuse: false })).previous('en', key)).toBeUndefined();
    const items = readdirSync(settings().dir).find((name) => name.endsWith('.items'))!;
    writeFileSync(join(settings().dir, items), '<item>');
    expect(new FeedItemStore(settings()).previous('en', key)).toBeUndefined();
    writeFileSync(join(settings().dir, 'en.json'), '{"fingerprint":"f1","items":');
    expect(new FeedItemStore(settings()).previous('en', key)).toBeUndefined();
  });

  it('clears items files of builds that stopped before saving', () => {
    n++;
    const first = new FeedItemStore(settings());
    first.save('en', [first.put('en', first.keyOf('a', 'd', 'u'), bytes('<item>A</item>'))]);
    first.close();
    const stopped = new FeedItemStore(settings());
    stopped.put('en', stopped.keyOf('b', 'd', 'u'), bytes('<item>B</item>'));
    stopped.close();
    writeFileSync(join(settings().dir, 'en.json.123-x.tmp'), '{');
    expect(readdirSync(settings().dir).filter((name) => name.endsWith('.items'))).toHaveLength(2);
    const next = new FeedItemStore(settings());
    expect(text(next.previous('en', next.keyOf('a', 'd', 'u')))).toBe('<item>A</item>');
    next.put('en', next.keyOf('c', 'd', 'u'), bytes('<item>C</item>'));
    // The last saved build's file, and this build's own: the stopped build's file and index are gone.
    expect(readdirSync(settings().dir).filter((name) => name.endsWith('.items') || name.endsWith('.tmp'))).toHaveLength(
      2,
    );
    next.close();
  });

  it('is set up by the build through the environment, and keeps nothing otherwise', () => {
    expect(FeedItemStore.fromEnv({}).keeps).toBe(false);
    const store = FeedItemStore.fromEnv({ [FEED_ITEM_CACHE_ENV]: JSON.stringify(settings()) });
    expect(store.keeps).toBe(true);
    expect(store.keyOf('a', 'd', 'u')).toBe(new FeedItemStore(settings()).keyOf('a', 'd', 'u'));
  });
});

describe('sourceFingerprint', () => {
  const site = join(root, 'site');
  const write = (path: string, text: string) => {
    mkdirSync(join(site, path, '..'), { recursive: true });
    writeFileSync(join(site, path), text);
  };
  write('src/lib/feed.ts', 'export const a = 1;');
  write('src/components/Callout.astro', '<aside><slot /></aside>');
  write('content/data/lambda.yaml', 'price: 1');
  write('package-lock.json', '{}');
  write('content/posts/en/a.md', '# A');
  write('README.md', 'Read me');

  it('changes with any file of the source, data, config or packages, and only with those', () => {
    const before = sourceFingerprint(site);
    expect(sourceFingerprint(site)).toBe(before);
    // Articles have their own digests, and the README is not built.
    write('content/posts/en/a.md', '# A, edited');
    write('README.md', 'Read me again');
    expect(sourceFingerprint(site)).toBe(before);
    for (const [path, text] of [
      ['src/lib/feed.ts', 'export const a = 2;'],
      ['content/data/lambda.yaml', 'price: 2'],
      ['package-lock.json', '{"lockfileVersion":3}'],
      ['src/lib/new.ts', ''],
    ] as const) {
      const previous = sourceFingerprint(site);
      write(path, text);
      expect(sourceFingerprint(site), path).not.toBe(previous);
    }
    expect(existsSync(join(site, 'astro.config.mjs'))).toBe(false);
  });
});

describe('feedItemCache integration', () => {
  const setup = (command: 'build' | 'dev') => {
    const hook = feedItemCache().hooks['astro:config:setup'] as (options: unknown) => void;
    const site = join(root, 'site');
    hook({
      command,
      config: { root: pathToFileURL(`${site}/`), cacheDir: pathToFileURL(`${site}/node_modules/.astro/`) },
    });
  };

  it('hands a build its settings, and takes them away from the dev server', () => {
    const saved = process.env[FEED_ITEM_CACHE_ENV];
    try {
      setup('build');
      const settings = JSON.parse(process.env[FEED_ITEM_CACHE_ENV]!) as FeedItemCacheSettings;
      expect(settings.dir).toBe(join(root, 'site/node_modules/.astro/feed-items/'));
      expect(settings.fingerprint).toBe(sourceFingerprint(join(root, 'site')));
      expect(settings.reuse).toBe(!process.argv.includes('--force'));
      setup('dev');
      expect(process.env[FEED_ITEM_CACHE_ENV]).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env[FEED_ITEM_CACHE_ENV];
      else process.env[FEED_ITEM_CACHE_ENV] = saved;
    }
  });
});
