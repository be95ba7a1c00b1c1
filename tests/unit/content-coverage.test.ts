import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { coverageWarnings, formatProblem, inspectArticle } from '../../src/lib/content-check';
import { locales, useTranslations } from '../../src/lib/i18n';

const coverage = {
  locales,
  sourcesHeadings: Object.fromEntries(locales.map((l) => [l, useTranslations(l)['article.sourcesHeading']])),
};

const article = (path: string, front: string, body = '## Sources\n\n- a source\n') => ({
  path,
  facts: inspectArticle({ path, text: `---\n${front}\n---\n\n${body}` }),
});

describe('coverage warnings', () => {
  it('names an article with no translation and the file to add', () => {
    const warnings = coverageWarnings([article('content/posts/en/a.md', 'title: A')], coverage);
    expect(warnings.map(formatProblem)).toEqual([
      'content/posts/en/a.md:1 has no zh counterpart: add content/posts/zh/a.md (the same slug, or the same translationKey), or write "singleLanguage: true" in its front matter if it is meant for one language only.',
    ]);
  });

  it('pairs by slug or translationKey, and accepts a declared single-language article', () => {
    const warnings = coverageWarnings(
      [
        article('content/posts/en/a.md', 'title: A'),
        article('content/posts/zh/a.md', 'title: 甲', '## 参考资料\n'),
        article('content/posts/en/b.md', 'title: B'),
        article('content/posts/zh/b-zh.md', 'title: 乙\ntranslationKey: b', '## 参考资料\n'),
        article('content/posts/en/c.md', 'title: C\nsingleLanguage: true'),
      ],
      coverage,
    );
    expect(warnings).toEqual([]);
  });

  it('ignores drafts, and warns on a missing sources heading in the article language', () => {
    const warnings = coverageWarnings(
      [
        article('content/posts/en/d.md', 'title: D\ndraft: true'),
        article('content/posts/en/e.md', 'title: E', '## Background\n'),
        article('content/posts/zh/e.md', 'title: 戊', '## Sources\n'),
      ],
      coverage,
    );
    expect(warnings.map((w) => w.message)).toEqual([
      'has no "## Sources" section: list the sources of its figures, with the date each was read, under that heading.',
      'has no "## 参考资料" section: list the sources of its figures, with the date each was read, under that heading.',
    ]);
  });
});

/** The blog's own articles, as the build sees them. */
function ownArticles() {
  const root = join(process.cwd(), 'content/posts');
  return locales.flatMap((locale) =>
    readdirSync(join(root, locale))
      .filter((name) => /\.mdx?$/.test(name))
      .map((name) => {
        const path = `content/posts/${locale}/${name}`;
        const text = readFileSync(join(process.cwd(), path), 'utf8');
        return { path, text, facts: inspectArticle({ path, text }) };
      }),
  );
}

describe("the blog's own articles", () => {
  it('each exist in every language and end with their sources', () => {
    expect(coverageWarnings(ownArticles(), coverage).map(formatProblem)).toEqual([]);
  });

  it('Chinese articles and strings use the term list, never a variant it rules out', () => {
    const { terms } = parse(readFileSync(join(process.cwd(), 'content/data/terms.yaml'), 'utf8')) as {
      terms: { en: string; zh: string; avoid?: string[] }[];
    };
    const texts = [
      ...ownArticles().filter((a) => a.path.includes('/zh/')),
      ...['ui.zh.ts', 'decide.zh.ts'].map((name) => {
        const path = `src/lib/i18n/${name}`;
        return { path, text: readFileSync(join(process.cwd(), path), 'utf8') };
      }),
    ];
    const found = texts.flatMap(({ path, text }) =>
      terms.flatMap((term) =>
        (term.avoid ?? []).filter((variant) => text.includes(variant)).map((v) => `${path}: "${v}" (use "${term.zh}")`),
      ),
    );
    expect(found).toEqual([]);
  });
});
