import { describe, expect, it } from 'vitest';
import {
  cborText,
  isHashedFile,
  pageCount,
  shardDigest,
  staleFiles,
  type PagefindEntry,
} from '../../src/lib/pagefind-files';

/** A stand-in for a decompressed pf_meta file: Pagefind's signature, then CBOR text items. */
const meta = (...hashes: string[]) => {
  const parts = [new TextEncoder().encode('pagefind_dcd'), new Uint8Array([0x86]), ...hashes.map(cborText)];
  return Buffer.concat(parts);
};

const entry: PagefindEntry = {
  languages: { en: { hash: 'en_new', page_count: 2 }, 'zh-cn': { hash: 'zh-cn_1', page_count: 1 } },
};

describe('cborText', () => {
  it('writes the length in the header byte, or in the bytes after it for longer strings', () => {
    expect([...cborText('en_1')]).toEqual([0x64, 0x65, 0x6e, 0x5f, 0x31]);
    expect([...cborText('a'.repeat(24)).slice(0, 2)]).toEqual([0x78, 24]);
    expect([...cborText('a'.repeat(300)).slice(0, 3)]).toEqual([0x79, 0x01, 0x2c]);
    // Length in bytes, not characters: 冷 is three bytes in UTF-8.
    expect(cborText('冷')[0]).toBe(0x63);
  });
});

describe('staleFiles', () => {
  const files = [
    'pagefind.js',
    'pagefind-entry.json',
    'wasm.en.pagefind',
    'pagefind.en_new.pf_meta',
    'pagefind.en_old.pf_meta',
    'pagefind.zh-cn_1.pf_meta',
    'fragment/en_a.pf_fragment',
    'fragment/en_b.pf_fragment',
    'fragment/en_c.pf_fragment',
    'fragment/zh-cn_d.pf_fragment',
    'index/en_i1.pf_index',
    'index/en_i2.pf_index',
    'filter/en_f1.pf_filter',
  ];
  const metas = [meta('1.6.0', 'en_a', 'en_c1', 'en_i1', 'en_f1'), meta('1.6.0', 'zh-cn_d')];

  it('lists old metas and the hashed files no current meta references, and nothing else', () => {
    expect(staleFiles(files, entry, metas)).toEqual([
      'pagefind.en_old.pf_meta',
      'fragment/en_b.pf_fragment',
      // Referenced only as the start of a longer hash: the CBOR length header tells them apart.
      'fragment/en_c.pf_fragment',
      'index/en_i2.pf_index',
    ]);
  });

  it('keeps a file referenced by any language, and removes every hashed file when no meta is readable', () => {
    expect(staleFiles(['fragment/zh-cn_d.pf_fragment'], entry, metas)).toEqual([]);
    expect(staleFiles(['fragment/en_a.pf_fragment', 'pagefind.js'], entry, [])).toEqual(['fragment/en_a.pf_fragment']);
  });
});

describe('isHashedFile', () => {
  it('tells the files Pagefind never rewrites from those it writes on every build', () => {
    const hashed = [
      'fragment/en_a.pf_fragment',
      'index/en_i.pf_index',
      'filter/en_f.pf_filter',
      'pagefind.en_1.pf_meta',
    ];
    const rewritten = [
      'pagefind.js',
      'pagefind-entry.json',
      'wasm.en.pagefind',
      'pagefind-ui.css',
      'fragment/notes.txt',
    ];
    expect(hashed.map(isHashedFile)).toEqual([true, true, true, true]);
    expect(rewritten.map(isHashedFile)).toEqual([false, false, false, false, false]);
  });
});

describe('pageCount', () => {
  it('adds up the pages of every language', () => {
    expect(pageCount(entry)).toBe(3);
    expect(pageCount({ languages: {} })).toBe(0);
  });
});

describe('shardDigest', () => {
  const pages = [
    { path: 'posts/a/index.html', hash: '1' },
    { path: 'posts/b/index.html', hash: '2' },
  ];
  it('is the same for the same pages in any order, and differs when a page, its path or Pagefind differs', () => {
    const digest = shardDigest('1.6.0', pages);
    expect(shardDigest('1.6.0', [...pages].reverse())).toBe(digest);
    expect(shardDigest('1.6.1', pages)).not.toBe(digest);
    expect(shardDigest('1.6.0', [pages[0]!, { ...pages[1]!, hash: '3' }])).not.toBe(digest);
    expect(shardDigest('1.6.0', [pages[0]!, { ...pages[1]!, path: 'posts/c/index.html' }])).not.toBe(digest);
    expect(shardDigest('1.6.0', pages.slice(1))).not.toBe(digest);
  });
});
