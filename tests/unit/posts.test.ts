import { describe, expect, it } from 'vitest';
import { buildPostIndex, slugify, tocHeadings, translationsOf, type PostSource } from '../../src/lib/posts';
import { readingMinutes } from '../../src/lib/reading-time';

function source(path: string, data: Partial<PostSource['data']> = {}, body = 'Some words here.'): PostSource {
  return {
    id: path,
    path,
    readingMinutes: readingMinutes(body),
    data: {
      title: `Title of ${path}`,
      description: 'A description.',
      pubDate: new Date('2025-01-01T00:00:00Z'),
      tags: ['lambda'],
      draft: false,
      ...data,
    },
  };
}

const fixtures = [
  source('en/old.md', { pubDate: new Date('2023-01-27T13:00:00Z'), tags: ['lambda', 'fargate'] }),
  source('en/mid.md', { pubDate: new Date('2025-08-30T14:00:00Z'), tags: ['fargate'] }),
  source('en/new.md', { pubDate: new Date('2026-06-15T02:00:00Z'), tags: ['lambda'] }),
  source('en/secret.md', { pubDate: new Date('2026-11-20T00:00:00Z'), draft: true, tags: ['drafty'] }),
  source('zh/old.md', { pubDate: new Date('2023-01-27T13:00:00Z'), tags: ['lambda'] }),
  source('zh/renamed.md', { pubDate: new Date('2026-06-15T02:00:00Z'), translationKey: 'new' }),
];

describe('buildPostIndex', () => {
  const index = buildPostIndex(fixtures, { includeDrafts: false });

  it('lists each language newest first, without drafts in production', () => {
    expect(index.byLocale.en.map((p) => p.slug)).toEqual(['new', 'mid', 'old']);
    expect(index.byLocale.zh.map((p) => p.slug)).toEqual(['renamed', 'old']);
    expect(index.byId.has('en/secret.md')).toBe(false);
  });

  it('keeps drafts out of tags and the archive too', () => {
    expect(index.tags.en.map((t) => t.tag)).not.toContain('drafty');
    expect(index.archive.en.flatMap((y) => y.posts).map((p) => p.slug)).not.toContain('secret');
  });

  it('lists drafts while writing', () => {
    const dev = buildPostIndex(fixtures, { includeDrafts: true });
    expect(dev.byLocale.en[0]?.slug).toBe('secret');
    expect(dev.byLocale.en[0]?.draft).toBe(true);
  });

  it('pairs translations by slug, or by an explicit translationKey', () => {
    const old = index.byId.get('en/old.md')!;
    expect(translationsOf(index, old).map((p) => p.id)).toEqual(['zh/old.md']);
    const fresh = index.byId.get('en/new.md')!;
    expect(translationsOf(index, fresh).map((p) => p.id)).toEqual(['zh/renamed.md']);
    expect(translationsOf(index, index.byId.get('en/mid.md')!)).toEqual([]);
  });

  it('links previous and next within a language', () => {
    expect(index.neighbours.get('en/mid.md')?.newer?.slug).toBe('new');
    expect(index.neighbours.get('en/mid.md')?.older?.slug).toBe('old');
    expect(index.neighbours.get('en/new.md')?.newer).toBeUndefined();
    expect(index.neighbours.get('en/old.md')?.older).toBeUndefined();
  });

  it('counts tags, most used first, then by name', () => {
    expect(index.tags.en.map((t) => [t.tag, t.posts.length])).toEqual([
      ['fargate', 2],
      ['lambda', 2],
    ]);
    expect(index.tags.en[1]?.posts.map((p) => p.slug)).toEqual(['new', 'old']);
  });

  it('groups the archive by year, newest first', () => {
    expect(index.archive.en.map((y) => [y.year, y.posts.map((p) => p.slug)])).toEqual([
      [2026, ['new']],
      [2025, ['mid']],
      [2023, ['old']],
    ]);
  });

  it('carries the reading time counted from the body', () => {
    const long = buildPostIndex([source('en/a.md', {}, 'word '.repeat(660))], { includeDrafts: false });
    expect(long.byLocale.en[0]?.readingMinutes).toBe(3);
  });

  it('orders posts of the same date by slug, so builds are reproducible', () => {
    const same = buildPostIndex([source('en/b.md'), source('en/a.md')], { includeDrafts: false });
    expect(same.byLocale.en.map((p) => p.slug)).toEqual(['a', 'b']);
  });
});

describe('cross-file problems', () => {
  it('rejects two articles with the same slug in one language, naming both files', () => {
    expect(() => buildPostIndex([source('en/x.md'), source('en/x.mdx')], { includeDrafts: false })).toThrow(
      /en\/x\.mdx: the slug "x" is already used by en\/x\.md/,
    );
  });

  it('rejects a translationKey that points at nothing', () => {
    expect(() =>
      buildPostIndex([source('en/a.md'), source('zh/b.md', { translationKey: 'nope' })], { includeDrafts: false }),
    ).toThrow(/zh\/b\.md: translationKey "nope" matches no article in another language/);
  });

  it('rejects two articles of one language claiming the same translation', () => {
    expect(() =>
      buildPostIndex([source('en/a.md'), source('zh/a.md'), source('zh/b.md', { translationKey: 'a' })], {
        includeDrafts: false,
      }),
    ).toThrow(/zh\/b\.md: translationKey "a" is also used by zh\/a\.md/);
  });

  it('reports every problem at once', () => {
    try {
      buildPostIndex([source('en/x.md'), source('en/x.mdx'), source('zh/y.md', { translationKey: 'z' })], {
        includeDrafts: false,
      });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/already used[\s\S]*matches no article/);
    }
  });
});

describe('tocHeadings', () => {
  const h = (depth: number, slug: string) => ({ depth, slug, text: slug });
  it('needs three sections', () => {
    expect(tocHeadings([h(2, 'a'), h(2, 'b')])).toEqual([]);
    expect(tocHeadings([h(2, 'a'), h(3, 'a1'), h(2, 'b'), h(4, 'deep'), h(2, 'c')]).map((x) => x.slug)).toEqual([
      'a',
      'a1',
      'b',
      'c',
    ]);
  });
});

describe('series', () => {
  const serial = [
    source('en/part-two.md', {
      series: 'Lambda and Fargate in 2026',
      pubDate: new Date('2026-12-01T10:00:00Z'),
      tags: ['cost'],
    }),
    source('en/part-one.md', {
      series: 'Lambda and Fargate in 2026',
      pubDate: new Date('2026-12-01T09:00:00Z'),
      tags: ['lambda'],
    }),
    source('zh/part-one.md', { series: '2026 年的 Lambda 与 Fargate', pubDate: new Date('2026-12-01T09:00:00Z') }),
    source('zh/part-two.md', { series: '2026 年的 Lambda 与 Fargate', pubDate: new Date('2026-12-01T10:00:00Z') }),
    source('zh/alone.md', { series: '只有中文的系列', pubDate: new Date('2026-10-01') }),
    source('en/other.md', { tags: ['cost', 'lambda'], pubDate: new Date('2025-01-01') }),
    source('en/unrelated.md', { tags: ['architecture'], pubDate: new Date('2026-11-30') }),
  ];
  const index = buildPostIndex(serial, { includeDrafts: false });

  it('orders parts by date and gives both languages the key of the default language', () => {
    const [en] = index.series.en;
    expect(en!.key).toBe('lambda-and-fargate-in-2026');
    expect(en!.posts.map((p) => p.slug)).toEqual(['part-one', 'part-two']);
    const zh = index.series.zh.find((s) => s.name === '2026 年的 Lambda 与 Fargate')!;
    expect(zh.key).toBe('lambda-and-fargate-in-2026');
    expect(index.seriesOf.get('zh/part-two.md')).toMatchObject({ part: 2 });
  });

  it('keys a series with no Latin name, and no English counterpart, by a stable hash', () => {
    const alone = index.series.zh.find((s) => s.name === '只有中文的系列')!;
    expect(alone.key).toMatch(/^series-[0-9a-z]+$/);
    expect(buildPostIndex(serial, { includeDrafts: false }).series.zh.find((s) => s.name === alone.name)!.key).toBe(
      alone.key,
    );
  });

  it('relates parts of the same series first, then shared tags, never unrelated posts', () => {
    const related = index.related.get('en/part-one.md')!.map((p) => p.slug);
    expect(related).toEqual(['part-two', 'other']);
    expect(index.related.get('en/unrelated.md')).toEqual([]);
    // Never another language.
    const zh = index.related.get('zh/part-one.md')!;
    expect(zh[0]!.slug).toBe('part-two');
    expect(zh.every((p) => p.locale === 'zh')).toBe(true);
  });

  it('slugifies names', () => {
    expect(slugify('Lambda and Fargate in 2026')).toBe('lambda-and-fargate-in-2026');
    expect(slugify('  Café — costs!  ')).toBe('cafe-costs');
    expect(slugify('只有中文')).toBe('');
  });
});
