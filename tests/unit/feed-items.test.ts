import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FEED_ITEM_CACHE_ENV, FeedItemStore, type FeedItemCacheSettings } from '../../src/content/feed-items';
import { feedItemCache, sourceFingerprint } from '../../src/integrations/feed-item-cache';
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

  it('gives the next build the items saved by this one, and only those', () => {
    n++;
    const first = new FeedItemStore(settings());
    const [a, b] = [first.keyOf('a', 'd', 'u/a'), first.keyOf('b', 'd', 'u/b')];
    first.save('en', [
      [a, '<item>A</item>'],
      [b, '<item>B</item>'],
    ]);
    const second = new FeedItemStore(settings());
    expect(second.get('en', a)).toBe('<item>A</item>');
    expect(second.get('zh', a)).toBeUndefined();
    second.save('en', [[a, '<item>A2</item>']]);
    const third = new FeedItemStore(settings());
    expect(third.get('en', a)).toBe('<item>A2</item>');
    expect(third.get('en', b)).toBeUndefined();
    // Replaced by a rename: no temporary file is left behind.
    expect(readdirSync(settings().dir)).toEqual(['en.json']);
  });

  it('reuses nothing after a source change, with --force, or from an unreadable file', () => {
    n++;
    const store = new FeedItemStore(settings());
    const key = store.keyOf('a', 'd', 'u');
    store.save('en', [[key, '<item>A</item>']]);
    expect(new FeedItemStore(settings({ fingerprint: 'f2' })).get('en', key)).toBeUndefined();
    expect(new FeedItemStore(settings({ reuse: false })).get('en', key)).toBeUndefined();
    writeFileSync(join(settings().dir, 'en.json'), '{"fingerprint":"f1","items":');
    expect(new FeedItemStore(settings()).get('en', key)).toBeUndefined();
  });

  it('is set up by the build through the environment, and absent otherwise', () => {
    expect(FeedItemStore.fromEnv({})).toBeUndefined();
    const store = FeedItemStore.fromEnv({ [FEED_ITEM_CACHE_ENV]: JSON.stringify(settings()) });
    expect(store?.keyOf('a', 'd', 'u')).toBe(new FeedItemStore(settings()).keyOf('a', 'd', 'u'));
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
