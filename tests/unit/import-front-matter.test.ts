import { TomlDate } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { mapFields } from '../../src/lib/import/fields';
import { normalizeNewlines, parseFrontMatter, splitFrontMatter } from '../../src/lib/import/front-matter';

const parse = (text: string) => parseFrontMatter(splitFrontMatter(normalizeNewlines(text)));

describe('splitFrontMatter', () => {
  it('finds TOML (+++) and YAML (---) blocks and where the body starts', () => {
    const toml = splitFrontMatter('+++\ntitle = "x"\n+++\n\nBody');
    expect(toml).toMatchObject({ format: 'toml', text: 'title = "x"', firstLine: 2, body: '\nBody', bodyLine: 4 });
    const yaml = splitFrontMatter('---\ntitle: x\ntags: [a]\n---\nBody');
    expect(yaml).toMatchObject({ format: 'yaml', text: 'title: x\ntags: [a]', body: 'Body', bodyLine: 5 });
  });

  it('treats a file without a closed block as having no front matter', () => {
    expect(splitFrontMatter('# Title\n\ntext').format).toBe('none');
    expect(splitFrontMatter('---\nnot closed').format).toBe('none');
  });

  it('removes a byte-order mark and CRLF line endings', () => {
    expect(normalizeNewlines('\uFEFF---\r\ntitle: x\r\n---\r\n')).toBe('---\ntitle: x\n---\n');
  });
});

describe('parseFrontMatter', () => {
  it('gives each YAML field the line it is on', () => {
    const { fields, ok } = parse('---\ntitle: A\n\ntags:\n  - a\ndate: 2024-01-01\n---\n');
    expect(ok).toBe(true);
    expect(fields.map((f) => [f.key, f.line])).toEqual([
      ['title', 2],
      ['tags', 4],
      ['date', 6],
    ]);
    // YAML 1.2 core schema: dates stay text, so the importer decides how to read them.
    expect(fields[2]!.value).toBe('2024-01-01');
  });

  it('resolves a repeated YAML key last-wins, with a warning naming both lines', () => {
    const { fields, replaced, problems } = parse('---\nlayout: post\ntitle: A\nlayout: page\n---\n');
    expect(fields.find((f) => f.key === 'layout')).toEqual({ key: 'layout', value: 'page', line: 4 });
    expect(replaced).toEqual([{ key: 'layout', value: 'post', line: 2 }]);
    expect(problems).toEqual([
      {
        line: 4,
        severity: 'warning',
        code: 'duplicate-key',
        message: '"layout" is given twice (lines 2 and 4); the last value wins',
      },
    ]);
  });

  it('reports a YAML syntax error with its line and parses nothing', () => {
    const result = parse('---\ntitle: A\ntags: [a\ndate: 2024-01-01\n---\n');
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ line: 4, severity: 'error', code: 'front-matter' });
    expect(result.problems[0]!.message).toMatch(/^the YAML front matter cannot be read: /);
  });

  it('reads TOML with key lines, including tables, and keeps TOML dates as written', () => {
    const { fields } = parse('+++\ntitle = "A"\ndate = 2025-08-30T15:00:00+01:00\n\n[params]\ntoc = true\n+++\n');
    expect(fields.map((f) => [f.key, f.line])).toEqual([
      ['title', 2],
      ['date', 3],
      ['params', 5],
    ]);
    const date = fields[1]!.value;
    expect(date).toBeInstanceOf(TomlDate);
    expect((date as TomlDate).toISOString()).toBe('2025-08-30T15:00:00.000+01:00');
  });

  it('reports a TOML error (such as a key given twice) at its line', () => {
    const result = parse('+++\ntitle = "A"\ntitle = "B"\n+++\n');
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ line: 3, severity: 'error', code: 'front-matter' });
  });
});

describe('mapFields', () => {
  const map = (text: string) => mapFields(parse(text).fields);

  it('maps Hugo fields to the schema', () => {
    const mapped = map(
      '+++\ntitle = "T"\ndate = 2025-08-30T15:00:00+01:00\nlastmod = 2025-09-01\ndraft = true\n' +
        'categories = ["AWS"]\ntags = ["Lambda"]\nsummary = "S"\nslug = "my-slug"\nseries = ["One", "Two"]\n' +
        'translationKey = "k"\n+++\n',
    );
    expect(mapped.title?.value).toBe('T');
    expect(mapped.pubDate).toMatchObject({ value: '2025-08-30T15:00:00+01:00', line: 3 });
    expect(mapped.updatedDate?.value).toBe('2025-09-01');
    expect(mapped.draft?.value).toBe(true);
    expect(mapped.tags?.value).toEqual(['Lambda', 'AWS']);
    expect(mapped.description?.value).toBe('S');
    expect(mapped.slug?.value).toBe('my-slug');
    expect(mapped.translationKey?.value).toBe('k');
    expect(mapped.series?.value).toBe('One');
    expect(mapped.problems).toEqual([
      {
        line: 10,
        severity: 'warning',
        code: 'dropped-field',
        message: '"series" has several values; only "One" is used',
      },
    ]);
  });

  it('maps Jekyll fields: time, space-separated categories, background, published', () => {
    const mapped = map(
      '---\nlayout: post\ntime: 2023-01-27 14:00:00 +1:00\ncategories: aws lambda\nbackground: /img/bg.jpg\npublished: false\npermalink: /x/\n---\n',
    );
    expect(mapped.pubDate?.value).toBe('2023-01-27T14:00:00+01:00');
    expect(mapped.tags?.value).toEqual(['aws', 'lambda']);
    expect(mapped.heroImage).toMatchObject({ value: '/img/bg.jpg', line: 5 });
    expect(mapped.draft?.value).toBe(true);
    expect(mapped.dropped.map((f) => f.key)).toEqual(['layout', 'permalink']);
    expect(mapped.problems.map((p) => [p.line, p.severity, p.message])).toEqual([
      [3, 'warning', '"time": "+1:00" is not a valid time zone offset; read as +01:00'],
      [2, 'note', '"layout" is dropped: every article uses the same layout here'],
      [7, 'warning', '"permalink" is dropped: old URLs are not redirected; the article gets a new URL'],
    ]);
  });

  it('prefers date over time, and keeps the other as dropped', () => {
    const mapped = map('---\ndate: 2024-01-02\ntime: 2024-01-01\n---\n');
    expect(mapped.pubDate?.value).toBe('2024-01-02');
    expect(mapped.dropped.map((f) => f.key)).toEqual(['time']);
  });

  it('reports unknown fields with their line and keeps them for the output', () => {
    const mapped = map('---\ntitle: T\nauthor: Sam\ntoc:\n  depth: 2\n---\n');
    expect(mapped.dropped).toEqual([
      { key: 'author', value: 'Sam', line: 3 },
      { key: 'toc', value: { depth: 2 }, line: 4 },
    ]);
    expect(mapped.problems.map((p) => [p.line, p.code, p.message])).toEqual([
      [3, 'unknown-field', 'unknown field "author" is not used by this site'],
      [4, 'unknown-field', 'unknown field "toc" is not used by this site'],
    ]);
  });

  it('reports a date it cannot read and drops it', () => {
    const mapped = map('---\ndate: 2023-02-30\n---\n');
    expect(mapped.pubDate).toBeUndefined();
    expect(mapped.problems[0]).toMatchObject({ line: 2, code: 'bad-date' });
  });

  it('reads a hero image from Hugo images lists and cover maps, and the language field', () => {
    expect(map('---\nimages: [a.png, b.png]\n---\n').heroImage?.value).toBe('a.png');
    const cover = map('---\ncover:\n  image: c.png\n  alt: A chart\nlang: zh-CN\n---\n');
    expect(cover.heroImage?.value).toBe('c.png');
    expect(cover.heroAlt?.value).toBe('A chart');
    expect(cover.lang?.value).toBe('zh');
  });

  it('uses Obsidian aliases as extra names for wiki links, not as URLs', () => {
    const mapped = map('---\naliases: [Fargate intro]\n---\n');
    expect(mapped.names).toEqual(['Fargate intro']);
    expect(mapped.problems[0]).toMatchObject({ severity: 'note', code: 'dropped-field' });
  });
});
