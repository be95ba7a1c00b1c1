import { describe, expect, it } from 'vitest';
import {
  checkArticles,
  checkArticlesCached,
  daysInMonth,
  formatProblem,
  maskCode,
  type FactsCache,
} from '../../src/lib/content-check';

const fm = (extra = '') => `---\ntitle: T\ndescription: D\npubDate: 2026-01-01\ntags: [lambda]\n${extra}---\n\n`;
const check = (files: { path: string; text: string }[], existing: string[] = []) =>
  checkArticles(files, { exists: (p) => existing.includes(p), components: ['Callout'] }).map(formatProblem);

describe('content check', () => {
  it('passes a clean set of articles that link to each other', () => {
    expect(
      check(
        [
          { path: 'content/posts/en/a.md', text: `${fm()}See [b](/posts/b/) and [zh](/zh/posts/c/#x).` },
          { path: 'content/posts/en/b.md', text: `${fm()}![x](./images/x.png)` },
          { path: 'content/posts/zh/c.mdx', text: `${fm()}<Callout>hi</Callout>` },
        ],
        ['content/posts/en/images/x.png'],
      ),
    ).toEqual([]);
  });

  it('finds impossible dates, including leap days', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    const text = fm().replace('2026-01-01', '2026-02-29');
    expect(check([{ path: 'content/posts/en/a.md', text }])).toEqual([
      'content/posts/en/a.md:4 pubDate: 2026-02-29 is not a real date. Write an existing day as YYYY-MM-DD, e.g. 2026-11-22.',
    ]);
  });

  it('reports a missing front matter block and invalid YAML with its line', () => {
    expect(check([{ path: 'content/posts/en/a.md', text: '# Just a heading' }])[0]).toMatch(
      /a\.md:1 has no front matter/,
    );
    expect(check([{ path: 'content/posts/en/a.md', text: '---\ntitle: a: b: c\n---\n' }])[0]).toMatch(
      /a\.md:2 front matter is not valid YAML/,
    );
  });

  it('still checks the links, images and components of a file with no front matter', () => {
    const text = '# Heading\n\n[x](/posts/gone/)\n\n![i](./missing.png)\n\n<Nope />';
    expect(check([{ path: 'content/posts/en/a.mdx', text }]).map((p) => p.split(' ').slice(0, 3).join(' '))).toEqual([
      'content/posts/en/a.mdx:1 has no',
      'content/posts/en/a.mdx:3 links to',
      'content/posts/en/a.mdx:5 uses the',
      'content/posts/en/a.mdx:7 uses <Nope>,',
    ]);
  });

  it('reports a duplicated front matter key', () => {
    expect(check([{ path: 'content/posts/en/a.md', text: fm('title: Again\n') }])[0]).toMatch(
      /not valid YAML \(Map keys must be unique/,
    );
  });

  it('flags links to missing articles and to drafts, but not inside code', () => {
    const draft = { path: 'content/posts/en/d.md', text: fm('draft: true\n') };
    const problems = check([
      {
        path: 'content/posts/en/a.md',
        text: `${fm()}[x](/posts/gone/)\n\n[y](/posts/d/)\n\n\`[z](/posts/gone/)\`\n\n\`\`\`md\n[w](/posts/gone/)\n\`\`\``,
      },
      draft,
    ]);
    expect(problems).toEqual([
      'content/posts/en/a.md:8 links to /posts/gone/, but content/posts/en/gone.md(x) does not exist. Fix the slug or remove the link.',
      'content/posts/en/a.md:10 links to /posts/d/, but content/posts/en/d.md(x) is a draft, so the link would break once this article is published. Fix the slug or remove the link.',
    ]);
  });

  it('lets drafts link to drafts', () => {
    const a = { path: 'content/posts/en/a.md', text: `${fm('draft: true\n')}[y](/posts/d/)` };
    const d = { path: 'content/posts/en/d.md', text: fm('draft: true\n') };
    expect(check([a, d])).toEqual([]);
  });

  it('flags unknown MDX components unless imported', () => {
    const text = `${fm()}import Chart from './chart.astro';\n\n<Chart />\n\n<Nope />\n\n<Callout>ok</Callout>`;
    expect(check([{ path: 'content/posts/en/a.mdx', text }])).toEqual([
      'content/posts/en/a.mdx:12 uses <Nope>, which is not a component articles can use. Available: Callout.',
    ]);
  });

  it('masks code without moving lines', () => {
    const body = 'a\n```\n<Nope />\n```\nb `<Nope />` c';
    const masked = maskCode(body);
    expect(masked.split('\n')).toHaveLength(5);
    expect(masked).not.toContain('Nope');
  });

  describe('with the facts of the last check', () => {
    const options = { exists: () => false, components: ['Callout'] };
    const a = { path: 'content/posts/en/a.md', text: `${fm()}[b](/posts/b/)` };
    const b = { path: 'content/posts/en/b.md', text: `${fm()}<Nope />` };
    const c = { path: 'content/posts/en/c.mdx', text: `${fm()}<Nope />\n\n![x](./x.png)` };
    const run = (files: { path: string; text: string }[], fingerprint: string, previous?: FactsCache) =>
      checkArticlesCached(files, options, fingerprint, previous);

    it('reads again only the articles whose text changed, and finds what a full check finds', () => {
      const first = run([a, b, c], 'src-1');
      expect(first.inspected).toBe(3);
      expect(first.problems).toEqual(checkArticles([a, b, c], options));
      const again = run([a, b, c], 'src-1', first.cache);
      expect(again.inspected).toBe(0);
      expect(again.problems).toEqual(first.problems);

      const edited = { ...c, text: `${fm()}<Callout>fine</Callout>` };
      const afterEdit = run([a, b, edited], 'src-1', again.cache);
      expect(afterEdit.inspected).toBe(1);
      expect(afterEdit.problems).toEqual(checkArticles([a, b, edited], options));
      expect(afterEdit.problems.map((p) => p.path)).not.toContain(c.path);
    });

    it('checks links of unchanged articles against the articles there are now', () => {
      const first = run([a, b], 'src-1');
      expect(first.problems.map(formatProblem).join('\n')).not.toMatch(/links to/);
      const withoutB = run([a], 'src-1', first.cache);
      expect(withoutB.inspected).toBe(0);
      expect(withoutB.problems.map(formatProblem)).toEqual([
        'content/posts/en/a.md:8 links to /posts/b/, but content/posts/en/b.md(x) does not exist. Fix the slug or remove the link.',
      ]);
      expect(Object.keys(withoutB.cache.files)).toEqual([a.path]);
    });

    it('reads everything again once the source changed', () => {
      const first = run([a, b, c], 'src-1');
      // A kept fact that the present checker would not find: reused only under the same source.
      const stale: FactsCache = {
        ...first.cache,
        files: {
          ...first.cache.files,
          [b.path]: { ...first.cache.files[b.path]!, facts: { ...first.cache.files[b.path]!.facts, components: [] } },
        },
      };
      expect(run([a, b, c], 'src-1', stale).problems.some((p) => p.path === b.path)).toBe(false);
      const changed = run([a, b, c], 'src-2', stale);
      expect(changed.inspected).toBe(3);
      expect(changed.problems).toEqual(first.problems);
    });
  });
});
