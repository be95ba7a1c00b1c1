import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FeedItemStore, type FeedItemCacheSettings } from '../../src/content/feed-items';
import { feedItemCache } from '../../src/integrations/feed-item-cache';
import { buildCache, sourceFingerprint, writeFileAtomic } from '../../src/integrations/build-cache';
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

  it('keeps nothing without settings (the dev server, tests)', () => {
    const store = new FeedItemStore();
    expect(store.keeps).toBe(false);
    expect(store.keyOf('a', 'd', 'u')).toBeUndefined();
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
  /** Runs the config hook and returns what the virtual module it adds would export. */
  const setup = (command: 'build' | 'dev', config = siteConfig()) => {
    let plugin: { resolveId: (id: string) => string | undefined; load: (id: string) => string | undefined } | undefined;
    const hook = feedItemCache().hooks['astro:config:setup'] as (options: unknown) => void;
    hook({
      command,
      config,
      updateConfig: (c: { vite: { plugins: [typeof plugin] } }) => (plugin = c.vite.plugins[0]),
    });
    const id = plugin!.resolveId('virtual:blog/feed-item-cache')!;
    expect(plugin!.resolveId('other')).toBeUndefined();
    const code = plugin!.load(id)!;
    const json = /^export const settings = (.*);$/.exec(code)?.[1];
    return json === 'undefined' ? undefined : (JSON.parse(json!) as FeedItemCacheSettings);
  };
  const siteConfig = () => {
    const site = join(root, 'site');
    return { root: pathToFileURL(`${site}/`), cacheDir: pathToFileURL(`${site}/node_modules/.astro/`) };
  };

  it('hands a build its settings through a virtual module, and the dev server none', () => {
    const config = siteConfig();
    const settings = setup('build', config);
    expect(settings?.dir).toBe(join(root, 'site/node_modules/.astro/feed-items'));
    expect(settings?.fingerprint).toBe(sourceFingerprint(join(root, 'site')));
    // One fingerprint per build: the integrations of a build share its cache.
    expect(buildCache(config).fingerprint).toBe(settings?.fingerprint);
    expect(settings?.reuse).toBe(!process.argv.includes('--force'));
    expect(setup('dev')).toBeUndefined();
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temporary file', () => {
    const file = join(root, 'atomic/index.json');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(readdirSync(join(root, 'atomic'))).toEqual(['index.json']);
  });
});
