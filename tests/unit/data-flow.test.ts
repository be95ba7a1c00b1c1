import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { propsKey } from '../../src/lib/cache-key';

const root = process.cwd();

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(astro|ts)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/**
 * Astro's incremental build reuses a page while its cache key is unchanged, and a page's key is made
 * from its props (keyed() in src/content/queries.ts). That holds only while data reaches components
 * and layouts through props: one that queried the content itself would show data its page's key
 * does not cover, and go stale in a rebuild.
 */
describe('data flow', () => {
  it('components and layouts get their data through props, never from the content layer', () => {
    const offenders = [...sources('src/components'), ...sources('src/layouts')].flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /^\s*import\s+(?!type\b)[^;]*from\s+['"](?:[./]+content\/queries|astro:content)['"]/.test(line)
            ? [`${file}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(offenders, 'pass the data down from the page (see src/content/queries.ts keyed)').toEqual([]);
  });

  it('pages that Astro may reuse take their cache key from their props', () => {
    const keyedByHand = sources('src/pages').filter((file) =>
      /\bcacheKey\s*:/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(keyedByHand, 'use keyed() from src/content/queries.ts').toEqual([]);
  });
});

describe('propsKey', () => {
  const entry = (digest: string, body = 'text') => ({
    id: 'en/a',
    collection: 'posts',
    digest,
    body,
    data: { title: 'A' },
  });

  it('changes with any prop, and with an entry only through its digest', () => {
    const key = propsKey({ entry: entry('d1'), site: { year: 2026 } });
    expect(propsKey({ entry: entry('d1'), site: { year: 2026 } })).toBe(key);
    expect(propsKey({ entry: entry('d1', 'rendered differently'), site: { year: 2026 } })).toBe(key);
    expect(propsKey({ entry: entry('d2'), site: { year: 2026 } })).not.toBe(key);
    expect(propsKey({ entry: entry('d1'), site: { year: 2027 } })).not.toBe(key);
    expect(propsKey({ entry: entry('d1'), site: { year: 2026 }, facts: undefined })).toBe(key);
  });

  it('refuses a Map or Set, which would hash as {}', () => {
    expect(() => propsKey({ tags: new Set(['a']) })).toThrow(/Map or Set/);
  });
});
