import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../helpers/dist';
import { buildSite, copySite, removeSite, type BuildResult } from '../helpers/site-copy';

/**
 * Each broken article in tests/fixtures/broken is added to a temporary copy of the site, which is
 * built: it must either fail with a message naming the file, the line or field, and what to do,
 * or build and render the article safely.
 */
const fixtures = join(process.cwd(), 'tests/fixtures/broken');

function buildWith(fixture: string, prepare?: (dir: string) => void): BuildResult {
  const dir = copySite(`broken-${fixture}-`);
  try {
    cpSync(join(fixtures, fixture), join(dir, 'content/posts'), { recursive: true });
    prepare?.(dir);
    return buildSite(dir);
  } finally {
    removeSite(dir);
  }
}

const failures: [fixture: string, ...expected: string[]][] = [
  [
    'malformed-front-matter',
    'content/posts/en/broken-yaml.md:2 front matter is not valid YAML',
    'Check quotes, colons and indentation',
  ],
  ['missing-title', 'posts → en/no-title.md', 'title: title is required and must be text'],
  [
    'invalid-date',
    'content/posts/en/bad-date.md:4 pubDate: 2026-13-45 is not a real date. Write an existing day as YYYY-MM-DD',
  ],
  ['tag-not-slug', 'posts → en/bad-tag.md', 'tags.0: each tag must be a lower-case slug such as "event-driven"'],
  ['duplicate-slug', 'en/twice.mdx: the slug "twice" is already used by en/twice.md. Rename one of the files.'],
  [
    'dangling-translation-key',
    'zh/orphan.md: translationKey "no-such-article" matches no article in another language. Use the translation\'s file name',
  ],
  [
    'missing-image',
    'content/posts/en/missing-image.md:10 uses the image ./images/not-there.png, but content/posts/en/images/not-there.png does not exist. Add the file or correct the path',
  ],
  ['missing-hero', 'content/posts/en/missing-hero.md:6 uses the image ./images/not-there.png'],
  [
    'broken-post-link',
    'content/posts/en/broken-link.md:10 links to /posts/does-not-exist/, but content/posts/en/does-not-exist.md(x) does not exist. Fix the slug or remove the link.',
  ],
  ['unclosed-mdx', 'content/posts/en/unclosed.mdx:10:1', 'Expected a closing tag for `<Callout>`'],
  [
    'unknown-component',
    'content/posts/en/unknown-component.mdx:10 uses <CostChart>, which is not a component articles can use. Available: Callout',
  ],
];

describe('broken articles fail the build with a clear message', () => {
  for (const [fixture, ...expected] of failures) {
    it(fixture, () => {
      const result = buildWith(fixture);
      expect(result.ok, result.output.slice(-2000)).toBe(false);
      for (const text of expected) expect(result.output).toContain(text);
    });
  }
});

describe('difficult but valid articles build and render safely', () => {
  let dir: string;
  let result: BuildResult;

  beforeAll(() => {
    dir = copySite('tricky-');
    cpSync(join(fixtures, 'tricky-titles'), join(dir, 'content/posts'), { recursive: true });
    // A 2 MB article, generated rather than committed.
    const paragraph =
      'Lambda bills per request and per millisecond; Fargate bills per second for what a task requests. ';
    writeFileSync(
      join(dir, 'content/posts/en/two-megabytes.md'),
      `---\ntitle: Two megabytes of text\ndescription: A very long article.\npubDate: 2026-01-04\ntags: [cost]\n---\n\n` +
        Array.from({ length: 2_100 }, (_, i) => `## Part ${i}\n\n${paragraph.repeat(10)}\n`).join('\n'),
    );
    result = buildSite(dir);
  }, 300_000);

  afterAll(() => removeSite(dir));

  it('builds', () => {
    expect(result.ok, result.output.slice(-2000)).toBe(true);
  });

  it('escapes emoji, ampersands and a script tag in titles and descriptions everywhere', () => {
    const dist = join(dir, 'dist');
    const page = readFileSync(join(dist, 'posts/tricky-titles/index.html'), 'utf8');
    // Inside quoted attributes "<" is inert; what matters is that no script element carries it.
    const scripts = html(dist, 'posts/tricky-titles/index.html').querySelectorAll('script');
    const carrying = scripts.filter((s) => s.text.includes('alert'));
    expect(carrying.map((s) => s.getAttribute('type'))).toEqual(['application/ld+json']);
    expect(carrying[0]!.text).not.toContain('<');
    expect(page).toContain(
      `<meta property="og:title" content="Fast &amp; cheap 🚀 <script>alert('x')</script> Lambda">`,
    );
    expect(page).toContain(
      '<title>Fast &amp; cheap 🚀 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Lambda · Lambda or Fargate</title>',
    );
    const doc = html(dist, 'posts/tricky-titles/index.html');
    expect(doc.querySelector('h1')?.text).toBe("Fast & cheap 🚀 <script>alert('x')</script> Lambda");
    expect(doc.querySelector('.lede')?.text).toBe('Ampersands & angle brackets <b>stay</b> text; emoji 🚀 too.');
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.text);
    expect(ld.headline).toBe("Fast & cheap 🚀 <script>alert('x')</script> Lambda");
  });

  it('keeps the feed well-formed with those titles', async () => {
    const xml = readFileSync(join(dir, 'dist/rss.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = await new Parser().parseString(xml);
    expect(feed.items.map((i) => i.title)).toContain("Fast & cheap 🚀 <script>alert('x')</script> Lambda");
    expect(feed.items.map((i) => i.title)).toContain('מדריך Lambda بالعربية');
  });

  it('lets right-to-left titles set their own direction', () => {
    const doc = html(join(dir, 'dist'), 'posts/right-to-left/index.html');
    expect(doc.querySelector('h1')?.getAttribute('dir')).toBe('auto');
    expect(doc.querySelector('h1')?.text).toBe('מדריך Lambda بالعربية');
  });

  it('renders and indexes the 2 MB article', () => {
    const doc = html(join(dir, 'dist'), 'posts/two-megabytes/index.html');
    expect(doc.querySelectorAll('.prose h2').length).toBe(2_100);
    expect(doc.querySelector('nav.toc')).not.toBeNull();
  });
});
