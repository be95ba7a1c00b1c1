import { describe, expect, it } from 'vitest';
import { cacheKeyOf } from '../../src/lib/cache-key';

const post = { slug: 'a', title: 'Lambda', pubDate: new Date('2026-01-02'), tags: ['cost'], readingMinutes: 4 };

describe('cacheKeyOf', () => {
  it('gives equal data the same short key', () => {
    expect(cacheKeyOf({ post, digest: 'd1' })).toBe(cacheKeyOf({ post: { ...post }, digest: 'd1' }));
    expect(cacheKeyOf({ post })).toMatch(/^[\w-]{22}$/);
  });

  it('changes with anything the page shows', () => {
    const key = cacheKeyOf({ post, digest: 'd1' });
    expect(cacheKeyOf({ post, digest: 'd2' })).not.toBe(key);
    expect(cacheKeyOf({ post: { ...post, title: 'Fargate' }, digest: 'd1' })).not.toBe(key);
    expect(cacheKeyOf({ post: { ...post, pubDate: new Date('2026-01-03') }, digest: 'd1' })).not.toBe(key);
    expect(cacheKeyOf({ post: { ...post, tags: ['cost', 'lambda'] }, digest: 'd1' })).not.toBe(key);
    expect(cacheKeyOf({ post, digest: 'd1', newer: { slug: 'b' } })).not.toBe(key);
  });

  it('refuses Maps and Sets, which JSON would silently hash as empty', () => {
    expect(() => cacheKeyOf({ byId: new Map([['a', 1]]) })).toThrow(/plain data/);
    expect(() => cacheKeyOf([new Set([1])])).toThrow(/plain data/);
  });
});
