import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DataStore, Loader, LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { bodyFactsOf, htmlOnDisk, withRenderedHtml } from '../../src/content/loaders';

type Entry = Parameters<DataStore['set']>[0];

/** A data store as simple as Astro's: a Map behind the same methods. */
function memoryStore(): DataStore & { raw: Map<string, Entry> } {
  const raw = new Map<string, Entry>();
  return {
    raw,
    get: (id) => raw.get(id) as never,
    set: (entry) => (raw.set(entry.id, entry), true),
    entries: () => [...raw.entries()],
    values: () => [...raw.values()],
    keys: () => [...raw.keys()],
    delete: (id) => void raw.delete(id),
    clear: () => raw.clear(),
    has: (id) => raw.has(id),
    addModuleImport: () => {},
  };
}

const cacheDir = mkdtempSync(join(tmpdir(), 'loaders-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** Runs the wrapped loader once with `work` standing in for glob(): it gets the store the loader sees. */
async function run(store: DataStore, work: (seen: DataStore) => void) {
  const inner: Loader = { name: 'fake', load: async ({ store: seen }) => work(seen) };
  const context = { collection: 'posts', store, config: { cacheDir: pathToFileURL(`${cacheDir}/`) } };
  await htmlOnDisk(inner).load(context as unknown as LoaderContext);
}

const markdown = (digest: string, html = '<p>Hello</p>'): Entry => ({
  id: 'en/a.md',
  data: { title: 'A' },
  body: 'Hello '.repeat(440),
  digest,
  rendered: { html, metadata: { headings: [{ depth: 2, slug: 'x', text: 'X' }] } },
});

describe('htmlOnDisk', () => {
  it('moves rendered Markdown into a file and keeps only its path, headings and body facts', async () => {
    const store = memoryStore();
    await run(store, (seen) => seen.set(markdown('d1')));
    const kept = store.raw.get('en/a.md')!;
    expect(kept.body).toBeUndefined();
    expect(kept.rendered?.html).toBe('');
    expect(kept.rendered?.metadata?.headings).toHaveLength(1);
    const file = kept.rendered?.metadata?.['htmlFile'] as string;
    expect(readFileSync(file, 'utf8')).toBe('<p>Hello</p>');
    expect(bodyFactsOf(kept)).toEqual({ readingMinutes: 2, components: [] });
    expect(withRenderedHtml(kept).rendered?.html).toBe('<p>Hello</p>');
  });

  it('leaves MDX entries, which Astro renders as modules, as they are', async () => {
    const store = memoryStore();
    const mdx: Entry = { id: 'en/b.mdx', data: {}, body: '<Callout>Hi</Callout>', digest: 'd', deferredRender: true };
    await run(store, (seen) => seen.set(mdx));
    expect(store.raw.get('en/b.mdx')).toEqual(mdx);
    expect(bodyFactsOf(mdx).components).toEqual(['Callout']);
  });

  it('replaces the file of an edited entry and removes the file of a deleted one', async () => {
    const store = memoryStore();
    await run(store, (seen) => seen.set(markdown('v1', '<p>One</p>')));
    const first = store.raw.get('en/a.md')!.rendered?.metadata?.['htmlFile'] as string;
    await run(store, (seen) => seen.set(markdown('v2', '<p>Two</p>')));
    const second = store.raw.get('en/a.md')!.rendered?.metadata?.['htmlFile'] as string;
    expect(existsSync(first)).toBe(false);
    expect(readFileSync(second, 'utf8')).toBe('<p>Two</p>');
    await run(store, (seen) => seen.delete('en/a.md'));
    expect(existsSync(second)).toBe(false);
    expect(store.raw.has('en/a.md')).toBe(false);
  });

  it('resolves only once every file is written, and fails when one cannot be', async () => {
    const store = memoryStore();
    const entries = ['w1', 'w2', 'w3'].map((digest) => ({
      ...markdown(digest, `<p>${digest}</p>`),
      id: `en/${digest}.md`,
    }));
    await run(store, (seen) => entries.forEach((entry) => seen.set(entry)));
    for (const { id, digest } of entries) {
      expect(readFileSync(store.raw.get(id)!.rendered?.metadata?.['htmlFile'] as string, 'utf8')).toBe(
        `<p>${digest}</p>`,
      );
    }
    // A directory where the file should go: the write fails, and so does the load.
    mkdirSync(join(cacheDir, 'rendered', 'posts', 'blocked.html'), { recursive: true });
    await expect(run(memoryStore(), (seen) => seen.set(markdown('blocked')))).rejects.toThrow(
      /EISDIR|illegal operation/,
    );
  });

  it('reports an entry whose file has gone as missing, so the loader renders it again', async () => {
    const store = memoryStore();
    await run(store, (seen) => seen.set(markdown('d3')));
    rmSync(store.raw.get('en/a.md')!.rendered?.metadata?.['htmlFile'] as string);
    let seenEntry: unknown = 'not looked up';
    await run(store, (seen) => (seenEntry = seen.get('en/a.md')));
    expect(seenEntry).toBeUndefined();
  });
});
