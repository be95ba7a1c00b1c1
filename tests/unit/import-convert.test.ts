import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { convertPost, identifyPost, type ImportOptions } from '../../src/lib/import/convert';
import { firstParagraph } from '../../src/lib/import/outline';
import { crossFileProblems } from '../../src/lib/import/site';
import type { LinkTarget } from '../../src/lib/import/types';

const FIXTURES = 'tests/fixtures/import';
const source = (file: string) => ({ path: `${FIXTURES}/${file}`, text: readFileSync(join(FIXTURES, file), 'utf8') });

/** Images of the fixtures, as the CLI would find them on disk. */
const images = new Map([
  ['/images/architecture.png', 'hugo/static/images/architecture.png'],
  ['cold-start-chart.png', 'hugo/content/posts/cold-starts/cold-start-chart.png'],
  ['/img/bg-home.jpg', 'jekyll/img/bg-home.jpg'],
  ['/img/diagram.png', 'jekyll/img/diagram.png'],
  ['Pasted image 20251026154307.png', 'obsidian/attachments/Pasted image 20251026154307.png'],
]);

const ALL = [
  'hugo/content/posts/serverless-compute.md',
  'hugo/content/posts/cold-starts/index.md',
  'jekyll/_posts/2023-01-27-choosing-lambda.md',
  'jekyll/_posts/2022-05-03-first-steps.md',
  'jekyll/_drafts/unfinished-thoughts.md',
  'obsidian/Lambda Notes.md',
  'obsidian/Fargate Basics.md',
  'markdown/queue-worker.md',
  'markdown/fargate-zh.md',
];
const site: LinkTarget = {
  names: ['choosing-between-lambda-and-fargate', 'Choosing Between AWS Lambda and AWS Fargate'],
  locale: 'en',
  slug: 'choosing-between-lambda-and-fargate',
};
const links: LinkTarget[] = [
  ...ALL.map((file) => {
    const id = identifyPost(source(file), {});
    return { names: id.names, locale: id.locale, slug: id.slug, translationKey: id.translationKey };
  }),
  site,
];
const options: ImportOptions = {
  fallbackDate: '2026-01-15',
  findAsset: (ref) => {
    const found = images.get(ref);
    return found && join(FIXTURES, found);
  },
  links,
};

function convert(file: string, extra: Partial<ImportOptions> = {}) {
  const result = convertPost(source(file), { ...options, ...extra });
  const [, yaml = '', ...rest] = result.content.split(/^---$/m);
  return {
    ...result,
    data: parse(yaml) as Record<string, unknown>,
    frontMatter: `---${yaml}---\n`,
    body: rest.join('---').replace(/^\n+/, ''),
    report: result.problems.map((p) => `${p.line}: ${p.severity}: ${p.message}`),
  };
}

describe('Hugo', () => {
  it('converts TOML front matter, images, shortcodes and ref links', () => {
    const post = convert('hugo/content/posts/serverless-compute.md');
    expect(post).toMatchObject({ ok: true, dialect: 'hugo', locale: 'en', slug: 'serverless-compute-compared' });
    expect(post.frontMatter).toBe(
      [
        '---',
        'title: "Comparing Serverless Compute: Lambda and Fargate"',
        'description: "Where Lambda and Fargate overlap, and where they part ways."',
        'pubDate: 2025-08-30T15:00:00+01:00',
        'updatedDate: 2025-09-02',
        'tags: [lambda, fargate, aws, serverless]',
        'draft: false',
        '# Kept from the original front matter; not used by this site:',
        '# aliases: [/2025/08/serverless-compute/]',
        '# author: Sam',
        '# params: {toc: true}',
        '---\n',
      ].join('\n'),
    );
    expect(post.body).toContain('![Architecture overview](./images/serverless-compute-compared/architecture.png)');
    expect(post.body).toContain('Read the [cold start notes](/posts/cold-starts/) next.');
    expect(post.body).toContain('<!-- {{< newsletter >}} -->');
    expect(post.body).toContain(
      '<!-- {{< figure\n  src="/images/architecture.png"\n  caption="Kept as it was" >}} -->',
    );
    expect(post.body).toContain('```go-html-template\n{{< highlight go >}}\n```');
    expect(post.body).toContain('<!-- ---\n\n{{< subscribe >}}\n\n--- -->');
    expect(post.assets).toEqual([
      {
        from: join(FIXTURES, 'hugo/static/images/architecture.png'),
        to: 'images/serverless-compute-compared/architecture.png',
      },
    ]);
    expect(post.report).toEqual([
      '1: note: language detected as "en" (0% Han characters)',
      '10: warning: "aliases" is dropped: old URLs are not redirected; the article gets a new URL',
      '11: warning: unknown field "author" is not used by this site',
      '13: warning: unknown field "params" is not used by this site',
      '25: warning: Hugo shortcode {{< newsletter >}} has no equivalent here; kept inside an HTML comment',
      '27: warning: Hugo shortcode {{< figure src="/images/architecture.png" caption="Kept as it was" >}} has no equivalent here; kept inside an HTML comment',
      '41: warning: Hugo shortcode {{< subscribe >}} is inside an HTML comment; left as it is',
    ]);
  });

  it('converts a YAML page bundle: folder name as slug, hero image, series, duplicate title heading', () => {
    const post = convert('hugo/content/posts/cold-starts/index.md');
    expect(post.slug).toBe('cold-starts');
    expect(post.data).toEqual({
      title: 'Cold starts, measured',
      description: 'How long a Lambda function takes to answer its first request, and what changes it.',
      pubDate: '2025-10-01T09:30:00Z',
      updatedDate: '2025-10-05T12:00:00Z',
      tags: ['lambda', 'performance-tuning'],
      heroImage: './images/cold-starts/cold-start-chart.png',
      heroAlt: 'Cover image for Cold starts, measured',
      draft: false,
      series: 'Lambda in depth',
    });
    // One file used twice (hero and body) is copied once.
    expect(post.assets.map((a) => a.to)).toEqual(['images/cold-starts/cold-start-chart.png']);
    expect(post.body).toBe(
      '![Cold start chart](./images/cold-starts/cold-start-chart.png)\n\n<!-- {{% notice tip %}} -->\n' +
        'Provisioned concurrency removes most cold starts.\n<!-- {{% /notice %}} -->\n',
    );
    expect(post.report).toContain(
      '8: warning: translationKey "cold-starts" matches no article in another language; it is not used',
    );
    expect(post.report).toContain(
      '12: note: the first heading repeats the title and was removed (the page shows the title as its heading)',
    );
    expect(post.frontMatter).toContain('# translationKey: cold-starts\n');
    // Line numbers still point into the source after the title heading is taken out.
    expect(post.report).toContain(
      '16: warning: Hugo shortcode {{% notice tip %}} has no equivalent here; kept inside an HTML comment',
    );
    expect(post.report).toContain(
      '18: warning: Hugo shortcode {{% /notice %}} has no equivalent here; kept inside an HTML comment',
    );
  });

  it('keeps translationKey when a translation has it', () => {
    const zh: LinkTarget = { names: ['x'], locale: 'zh', slug: 'leng-qi-dong', translationKey: 'cold-starts' };
    const post = convert('hugo/content/posts/cold-starts/index.md', { links: [...links, zh] });
    expect(post.data['translationKey']).toBe('cold-starts');
  });
});

describe('Jekyll', () => {
  it('resolves a repeated key last-wins, repairs the offset and copies background and body images', () => {
    const post = convert('jekyll/_posts/2023-01-27-choosing-lambda.md');
    expect(post).toMatchObject({ dialect: 'jekyll', slug: 'choosing-lambda', ok: true });
    expect(post.data).toMatchObject({
      title: 'Choosing Between AWS Lambda and Fargate',
      pubDate: '2023-01-27T14:00:00+01:00',
      tags: ['lambda', 'fargate'],
      heroImage: './images/choosing-lambda/bg-home.jpg',
    });
    expect(post.body).toBe(
      'A common question is when to use AWS Lambda over AWS Fargate. Both are "serverless", so it can be hard to tell which suits a use case.\n\n' +
        '![Diagram](./images/choosing-lambda/diagram.png)\n\nSee also [the first steps](/posts/first-steps/).\n',
    );
    expect(post.report).toEqual([
      '1: note: language detected as "en" (0% Han characters)',
      '1: note: the description comes from the first paragraph',
      '3: warning: unknown field "name" is not used by this site',
      '4: warning: "layout" is given twice (lines 2 and 4); the last value wins',
      '4: note: "layout" is dropped: every article uses the same layout here',
      '6: warning: "time": "+1:00" is not a valid time zone offset; read as +01:00',
      '7: warning: the hero image has no description; heroAlt was filled in from the title (describe the image)',
    ]);
    expect(post.frontMatter).toContain('# layout: post\n# name: lambda-or-fargate\n# layout: post\n');
  });

  it('takes the date from the file name and turns highlight tags into code fences', () => {
    const post = convert('jekyll/_posts/2022-05-03-first-steps.md');
    expect(post.data).toMatchObject({ pubDate: '2022-05-03', tags: ['aws', 'containers'], draft: false });
    expect(post.body).toBe(
      'Running a container without a server to manage starts with a task definition.\n\n' +
        '```json\n{ "cpu": "256" }\n```\n\nBack to [choosing](/posts/choosing-lambda/).\n',
    );
    expect(post.report).toContain('1: note: pubDate 2022-05-03 comes from the file name');
    expect(post.report).toContain(
      '5: warning: "permalink" is dropped: old URLs are not redirected; the article gets a new URL',
    );
  });

  it('imports posts in _drafts as drafts', () => {
    expect(convert('jekyll/_drafts/unfinished-thoughts.md').data['draft']).toBe(true);
  });
});

describe('Obsidian', () => {
  it('takes the title from the heading and converts embeds, wiki links, callouts and #tags', () => {
    const post = convert('obsidian/Lambda Notes.md');
    expect(post).toMatchObject({ dialect: 'obsidian', slug: 'lambda-notes' });
    expect(post.data).toEqual({
      title: 'Lambda notes',
      description: 'Notes about AWS Lambda, collected while reading the documentation.',
      pubDate: '2026-01-15',
      tags: ['aws-lambda', 'serverless'],
      draft: false,
    });
    expect(post.body).toBe(
      [
        'Notes about AWS Lambda, collected while reading the documentation. #aws/lambda #serverless',
        '',
        '![Pasted image 20251026154307](./images/lambda-notes/pasted-image-20251026154307.png)',
        '',
        '![[missing diagram.png]]',
        '',
        'See [Fargate Basics](/posts/fargate-basics/) and [the Fargate note](/posts/fargate-basics/); compare with [choosing-between-lambda-and-fargate](/posts/choosing-between-lambda-and-fargate/).',
        '',
        'This links nowhere: Step Functions.',
        '',
        '## Cold starts',
        '',
        '> [!NOTE]',
        '> A cold start happens when Lambda creates a new execution environment.',
        '',
        '> [!WARNING] Watch the timeout',
        '> Functions stop after 15 minutes.',
        '',
        '```c',
        '#include <stdio.h>',
        '```',
        '',
      ].join('\n'),
    );
    expect(post.report).toEqual([
      '1: note: language detected as "en" (0% Han characters)',
      '1: note: the description comes from the first paragraph',
      "1: warning: no usable date; pubDate is the file's modification day, 2026-01-15",
      '7: warning: embedded image "missing diagram.png" was not found; kept as text',
      '11: warning: link [[Step Functions]] matches no article; kept as plain text',
    ]);
  });

  it('takes the title from the file name when there is no heading, and reads properties', () => {
    const post = convert('obsidian/Fargate Basics.md');
    expect(post.data).toMatchObject({
      title: 'Fargate Basics',
      pubDate: '2025-11-02',
      tags: ['fargate', 'containers'],
    });
    expect(post.body).toContain('Back to [cold starts](/posts/lambda-notes/).');
    expect(post.body).toContain('> [!TIP] Folded callout\n> Fargate bills per second');
    expect(post.report).toContain(
      '7: warning: link [[Lambda Notes#Cold starts|cold starts]] points into the article; it now opens at the top',
    );
  });

  it('answers wiki links by alias too', () => {
    const id = identifyPost(source('obsidian/Fargate Basics.md'), {});
    expect(id.names).toContain('Fargate intro');
  });
});

describe('plain Markdown', () => {
  it('takes the title from a first line standing alone and the description from the first paragraph', () => {
    const post = convert('markdown/queue-worker.md');
    expect(post).toMatchObject({ dialect: 'markdown', locale: 'en', slug: 'queue-worker' });
    expect(post.data).toEqual({
      title: 'Moving the queue worker to Fargate',
      description: 'We ran our queue worker on Lambda for two years.',
      pubDate: '2026-01-15',
      tags: ['lambda', 'fargate'],
      draft: false,
    });
    expect(post.body.startsWith('We ran our queue worker')).toBe(true);
    expect(post.report).toEqual([
      '1: warning: no title or heading; the title comes from the first line: "Moving the queue worker to Fargate"',
      '1: note: language detected as "en" (0% Han characters)',
      '1: note: the description comes from the first paragraph',
      "1: warning: no usable date; pubDate is the file's modification day, 2026-01-15",
      '1: warning: no tags; using "lambda", "fargate" (review them)',
    ]);
  });

  it('detects Chinese, keeps a level-2 first heading in the text and infers tags from Chinese labels', () => {
    const post = convert('markdown/fargate-zh.md');
    expect(post).toMatchObject({ locale: 'zh', slug: 'fargate-zh' });
    expect(post.data).toMatchObject({
      title: '什么是 AWS Fargate',
      description:
        'AWS Fargate 是一种无服务器、随用随付的计算引擎，可让您专注于构建应用程序，而无需管理服务器。它与 Amazon ECS 和 Amazon EKS 配合使用。',
      tags: ['fargate', 'ecs', 'serverless'],
    });
    expect(post.body.startsWith('## 什么是 AWS Fargate\n')).toBe(true);
    expect(post.report[0]).toBe('1: note: language detected as "zh" (88% Han characters)');
  });

  it('lets --lang override the detected language', () => {
    expect(convert('markdown/fargate-zh.md', { lang: 'en' }).locale).toBe('en');
  });

  it('takes the description from the first prose paragraph, not a heading, list or image', () => {
    expect(
      firstParagraph('# T\n\n![x](a.png)\n\n- item\n\n```\ncode\n```\n\nThe **first** [real](x) one.\nSecond line.'),
    ).toBe('The first real one. Second line.');
  });

  it('warns about a level-1 heading left in the text', () => {
    const post = convertPost({ path: 'x.md', text: 'Intro line.\n\n# Section\n\nText.' }, options);
    expect(post.problems).toContainEqual({
      line: 3,
      severity: 'warning',
      code: 'heading',
      message: `level-1 heading "Section" in the text; the title is the page's only level-1 heading, use ## for sections`,
    });
  });
});

describe('problems', () => {
  it('fails on front matter it cannot read, with the line and nothing else', () => {
    const yaml = convert('problems/broken-yaml.md');
    expect(yaml.ok).toBe(false);
    expect(yaml.content).toBe('');
    expect(yaml.report).toEqual([
      '4: error: the YAML front matter cannot be read: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    const toml = convert('problems/broken-toml.md');
    expect(toml.ok).toBe(false);
    expect(toml.report[0]).toMatch(/^3: error: the TOML front matter cannot be read: /);
  });

  it('reports dates it cannot use and keeps them as comments', () => {
    const post = convert('problems/bad-dates.md');
    expect(post.data).toMatchObject({ pubDate: '2026-01-15' });
    expect(post.data['updatedDate']).toBeUndefined();
    expect(post.report).toEqual([
      '1: note: language detected as "en" (0% Han characters)',
      '1: note: the description comes from the first paragraph',
      "1: warning: no usable date; pubDate is the file's modification day, 2026-01-15",
      '3: warning: "date" cannot be read: "2023-02-30" is not a day of the calendar',
      '4: warning: "lastmod": "2023-03-01 10:00" has no time zone; read as UTC (add an offset such as +01:00 if that is wrong)',
      '4: warning: the update date 2023-03-01T10:00:00Z is before the publication date 2026-01-15; it is not used',
    ]);
    expect(post.frontMatter).toContain('# date: 2023-02-30\n# lastmod: 2023-03-01 10:00\n');
  });

  it('reports unknown fields with their lines and keeps them visible as comments', () => {
    const post = convert('problems/unknown-fields.md');
    expect(Object.keys(post.data)).toEqual(['title', 'description', 'pubDate', 'tags', 'draft']);
    expect(post.report.filter((r) => r.includes('unknown field'))).toEqual([
      '5: warning: unknown field "author" is not used by this site',
      '6: warning: unknown field "comments" is not used by this site',
      '7: warning: unknown field "toc" is not used by this site',
    ]);
    expect(post.frontMatter).toContain('# author: Sam\n# comments: true\n# toc: {depth: 2}\n');
  });

  it('keeps missing images visible as text and reports each', () => {
    const post = convert('problems/missing-images.md');
    expect(post.body).toBe(
      '!\\[Not here\\](./nope.png)\n\n!\\[Wrong format\\](diagram.bmp)\n\n&lt;img src="local.png" alt="HTML image">\n\n![Remote](https://example.com/remote.png)\n',
    );
    expect(post.data['description']).toBe('Images that cannot be copied');
    expect(post.report.slice(-4)).toEqual([
      '7: warning: image "./nope.png" was not found; kept as text',
      '9: warning: image "diagram.bmp" is not a format the site can process; kept as text',
      '11: warning: image "local.png" was not found; kept as text',
      '13: warning: remote image "https://example.com/remote.png" will not load on the site; save it beside the post',
    ]);
  });

  it('falls back to a dated slug for a Chinese-only file name and title, and keeps known Chinese tags', () => {
    const post = convert('problems/无服务器入门.md');
    expect(post).toMatchObject({ locale: 'zh', slug: 'post-2024-08-01' });
    expect(post.data['tags']).toEqual(['serverless', 'containers']);
    expect(post.report).toContain(
      '4: warning: tag(s) "架构设计" cannot be written as a lower-case slug and were left out',
    );
    expect(post.frontMatter).toContain('# tags: [架构设计]\n');
  });

  it('uses the default tag when nothing fits, and validates every result with the site schema', () => {
    const post = convertPost({ path: 'notes.md', text: '# Notes\n\nNothing about compute here.' }, options);
    expect(post.content).toContain('tags: [uncategorized]');
    const long = convertPost(
      { path: 'x.md', text: `---\ntitle: T\ndescription: "${'x'.repeat(400)}"\n---\nBody` },
      options,
    );
    expect(long.ok).toBe(true);
    expect(long.problems.map((p) => p.message)).toContain(
      'the description is longer than 300 characters and was shortened',
    );
  });

  it('reports what the site schema would reject as an error and writes nothing', () => {
    const post = convertPost(
      { path: 'x.md', text: '---\ntitle: T\nseries: "' + 's'.repeat(90) + '"\n---\nBody' },
      options,
    );
    expect(post.ok).toBe(false);
    expect(post.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      'the site would reject it: series: series must be at most 80 characters',
    ]);
  });

  it('finds slug and translation key clashes with the site before the build does', () => {
    const clashes = crossFileProblems(
      [{ path: 'en/x.mdx' }, { path: 'en/y.md', translationKey: 'pair' }, { path: 'en/z.md' }],
      [{ path: 'en/x.md' }, { path: 'en/pair.md' }, { path: 'en/z.md' }],
    );
    expect([...clashes.keys()]).toEqual(['en/x.md', 'en/pair.md']);
    expect(clashes.get('en/x.md')![0]).toMatch(/the slug "x" is already used by en\/x\.mdx/);
  });
});
