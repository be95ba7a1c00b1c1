import { describe, expect, it } from 'vitest';
import { convertBody, inertComment, postUrl, type BodyOptions } from '../../src/lib/import/body';

/** A vault with two images; two articles that links may point to. */
const files = new Map([
  ['diagram.png', '/src/diagram.png'],
  ['/img/bg.jpg', '/site/img/bg.jpg'],
  ['Pasted image 1.png', '/vault/attachments/Pasted image 1.png'],
]);
const articles = new Map([
  ['fargate basics', { locale: 'en' as const, slug: 'fargate-basics' }],
  ['fargate-basics', { locale: 'en' as const, slug: 'fargate-basics' }],
  ['2024-01-01-fargate-basics', { locale: 'en' as const, slug: 'fargate-basics' }],
  ['冷启动', { locale: 'zh' as const, slug: 'cold-starts' }],
]);
const options: BodyOptions = {
  firstLine: 10,
  slug: 'my-post',
  collectTags: true,
  findAsset: (ref) => files.get(ref),
  resolveLink: (name) => articles.get(name.toLowerCase()),
};
const convert = (body: string, extra: Partial<BodyOptions> = {}) => convertBody(body, { ...options, ...extra });
const messages = (body: string) => convert(body).problems.map((p) => `${p.line}: ${p.code}: ${p.message}`);

describe('Hugo shortcodes and template tags', () => {
  it('keeps a shortcode inert inside an HTML comment and reports it at its line', () => {
    const result = convert('Intro\n\n{{< newsletter >}}\n');
    expect(result.body).toBe('Intro\n\n<!-- {{< newsletter >}} -->\n');
    expect(messages('Intro\n\n{{< newsletter >}}\n')).toEqual([
      '12: shortcode: Hugo shortcode {{< newsletter >}} has no equivalent here; kept inside an HTML comment',
    ]);
  });

  it('reports a shortcode already inside an HTML comment and leaves the comment intact', () => {
    const body = '<!-- ---\n\n{{< newsletter >}}\n\n--- -->\nAfter';
    const result = convert(body);
    expect(result.body).toBe(body);
    expect(messages(body)).toEqual([
      '12: shortcode: Hugo shortcode {{< newsletter >}} is inside an HTML comment; left as it is',
    ]);
  });

  it('comments out a shortcode spread over several lines', () => {
    const result = convert('{{< figure\n  src="a.png" >}} after');
    expect(result.body).toBe('<!-- {{< figure\n  src="a.png" >}} --> after');
    expect(result.problems[0]).toMatchObject({ line: 10, code: 'shortcode' });
  });

  it('never touches code: fences and inline code document shortcodes', () => {
    const body = '```md\n{{< youtube x >}}\n```\n\nUse `{{< youtube x >}}` here.';
    expect(convert(body)).toMatchObject({ body, problems: [] });
  });

  it('turns Liquid and Hugo highlight tags into fenced code', () => {
    const result = convert(
      '{% highlight json %}\n{ "a": 1 }\n{% endhighlight %}\n\n{{< highlight go >}}\nx := 1\n{{< /highlight >}}',
    );
    expect(result.body).toBe('```json\n{ "a": 1 }\n```\n\n```go\nx := 1\n```');
  });

  it('makes comment text safe: "--" cannot end the comment early', () => {
    expect(inertComment('{{< x a="--" >}}')).toBe('<!-- {{< x a="- -" >}} -->');
  });
});

describe('images', () => {
  it('copies local images beside the article and links them relatively', () => {
    const result = convert('![A diagram](diagram.png "Title")\n\n![Jekyll]({{ site.baseurl }}/img/bg.jpg)');
    expect(result.body).toBe(
      '![A diagram](./images/my-post/diagram.png "Title")\n\n![Jekyll](./images/my-post/bg.jpg)',
    );
    expect(result.assets).toEqual([
      { from: '/src/diagram.png', to: 'images/my-post/diagram.png' },
      { from: '/site/img/bg.jpg', to: 'images/my-post/bg.jpg' },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('keeps a missing or unsupported image visible as text, and reports it', () => {
    const result = convert('![Gone](./gone.png)\n![Bitmap](x.bmp)\n![Remote](https://x.dev/a.png)');
    expect(result.body).toBe('!\\[Gone\\](./gone.png)\n!\\[Bitmap\\](x.bmp)\n![Remote](https://x.dev/a.png)');
    expect(messages('![Gone](./gone.png)\n![Bitmap](x.bmp)\n![Remote](https://x.dev/a.png)')).toEqual([
      '10: missing-image: image "./gone.png" was not found; kept as text',
      '11: unsupported-image: image "x.bmp" is not a format the site can process; kept as text',
      '12: remote-image: remote image "https://x.dev/a.png" will not load on the site; save it beside the post',
    ]);
  });

  it('rewrites Obsidian embeds to Markdown images, or reports them missing', () => {
    const result = convert('![[Pasted image 1.png|300]]\n![[Pasted image 1.png|A chart]]\n![[none.png]]');
    expect(result.body).toBe(
      '![Pasted image 1](./images/my-post/pasted-image-1.png)\n![A chart](./images/my-post/pasted-image-1.png)\n![[none.png]]',
    );
    expect(result.assets).toHaveLength(1);
    expect(result.problems.map((p) => [p.line, p.code])).toEqual([[12, 'missing-image']]);
  });

  it('gives two different images with the same name different targets', () => {
    const result = convert('![a](diagram.png) ![b](/img/bg.jpg)', {
      findAsset: (ref) => (ref === 'diagram.png' ? '/a/x.png' : '/b/x.png'),
    });
    expect(result.assets.map((a) => a.to)).toEqual(['images/my-post/diagram.png', 'images/my-post/bg.jpg']);
    const same = convert('![a](one/x.png) ![b](two/x.png)', { findAsset: (ref) => `/${ref}` });
    expect(same.assets.map((a) => a.to)).toEqual(['images/my-post/x.png', 'images/my-post/x-2.png']);
  });

  it('turns local HTML images into Markdown images, and keeps missing ones visible as text', () => {
    const result = convert(
      '<img src="diagram.png" alt="D" width="300">\n<img src="local.png" alt="x"> <img src="https://x.dev/a.png">',
    );
    expect(result.body).toBe(
      '![D](./images/my-post/diagram.png)\n&lt;img src="local.png" alt="x"> <img src="https://x.dev/a.png">',
    );
    expect(result.problems.map((p) => `${p.line}: ${p.code}: ${p.message}`)).toEqual([
      '10: html-image: HTML image "diagram.png" became a Markdown image; its other attributes are dropped',
      '11: missing-image: image "local.png" was not found; kept as text',
      '11: remote-image: remote image "https://x.dev/a.png" will not load on the site; save it beside the post',
    ]);
  });
});

describe('links', () => {
  it('resolves wiki links to article URLs, in either language', () => {
    const result = convert('See [[Fargate Basics]], [[Fargate Basics|the basics]] and [[冷启动]].');
    expect(result.body).toBe(
      'See [Fargate Basics](/posts/fargate-basics/), [the basics](/posts/fargate-basics/) and [冷启动](/zh/posts/cold-starts/).',
    );
    expect(result.problems).toEqual([]);
  });

  it('leaves unresolved wiki links as plain text and reports them', () => {
    const result = convert('Nowhere: [[Step Functions]] and [[Gone|alias]].');
    expect(result.body).toBe('Nowhere: Step Functions and alias.');
    expect(result.problems.map((p) => p.message)).toEqual([
      'link [[Step Functions]] matches no article; kept as plain text',
      'link [[Gone|alias]] matches no article; kept as plain text',
    ]);
  });

  it('drops a heading anchor it cannot check, with a warning', () => {
    const result = convert('[[Fargate Basics#Pricing|pricing]]');
    expect(result.body).toBe('[pricing](/posts/fargate-basics/)');
    expect(result.problems[0]).toMatchObject({ code: 'link-anchor' });
  });

  it('resolves Hugo ref shortcodes, Jekyll post_url tags and links to .md files', () => {
    const result = convert(
      '[a]({{< ref "fargate-basics.md" >}}) [b]({% post_url 2024-01-01-fargate-basics %}) [c](../fargate-basics.md) ' +
        '[e](Fargate%20Basics.md#x) [d](missing.md)',
    );
    expect(result.body).toBe(
      '[a](/posts/fargate-basics/) [b](/posts/fargate-basics/) [c](/posts/fargate-basics/) [e](/posts/fargate-basics/) d',
    );
    expect(result.problems.map((p) => p.code)).toEqual(['unresolved-link']);
  });

  it('builds article URLs the way the site routes them', () => {
    expect(postUrl('en', 'x')).toBe('/posts/x/');
    expect(postUrl('zh', 'x')).toBe('/zh/posts/x/');
  });
});

describe('Obsidian callouts and tags', () => {
  it('turns callouts into GitHub alerts, keeping their titles', () => {
    const result = convert(
      '> [!note]\n> Body\n\n> [!warning]- Watch out\n> Careful\n\n> [!tip] Alone\n\n> [!danger]\n> Stop\n\n> [!custom] Odd',
    );
    expect(result.body).toBe(
      '> [!NOTE]\n> Body\n\n> [!WARNING] Watch out\n> Careful\n\n> [!TIP] Alone\n\n> [!CAUTION]\n> Stop\n\n> [!NOTE] Odd',
    );
  });

  it('collects #tags from the text with their lines, not from headings or code', () => {
    const result = convert(
      '## Heading\nText #aws/lambda and #serverless, not #123 or C#.\n```sh\n#include x\n```\n`#no`',
    );
    expect(result.tags).toEqual([
      { tag: 'aws/lambda', line: 11 },
      { tag: 'serverless', line: 11 },
    ]);
    expect(convert('#tag', { collectTags: false }).tags).toEqual([]);
  });
});
