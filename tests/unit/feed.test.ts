import { getRssString } from '@astrojs/rss';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import {
  ATOM_NS,
  absolutizeUrls,
  channelExtras,
  cleanFeedHtml,
  escapeXml,
  feedContent,
  lastUpdated,
  withCssStylesheet,
  itemElement,
  splitChannel,
} from '../../src/lib/feed';

const page = 'https://example.com/blog/zh/posts/a/';

describe('absolutizeUrls', () => {
  it('resolves relative links, images and srcset against the article URL', () => {
    const html =
      '<a href="/blog/posts/b/">b</a><a href="../c/">c</a><a href="#s">s</a>' +
      '<img src="/blog/_astro/x.webp" srcset="/blog/_astro/x-640.webp 640w, /blog/_astro/x-960.webp 960w">';
    expect(absolutizeUrls(html, page)).toBe(
      '<a href="https://example.com/blog/posts/b/">b</a><a href="https://example.com/blog/zh/posts/c/">c</a>' +
        '<a href="https://example.com/blog/zh/posts/a/#s">s</a>' +
        '<img src="https://example.com/blog/_astro/x.webp" srcset="https://example.com/blog/_astro/x-640.webp 640w, https://example.com/blog/_astro/x-960.webp 960w">',
    );
  });

  it('leaves absolute, protocol-relative and mailto links alone', () => {
    const html = '<a href="https://aws.amazon.com/">a</a><a href="//cdn.example/x">b</a><a href="mailto:x@y.z">c</a>';
    expect(absolutizeUrls(html, page)).toBe(html);
  });
});

describe('cleanFeedHtml', () => {
  it('drops scripts, styles and site-only attributes', () => {
    const html =
      '<aside data-pagefind-ignore data-astro-cid-abc class="subscribe"><style>.x{}</style><p data-astro-source-file="x">Hi</p><script>alert(1)</script></aside>';
    expect(cleanFeedHtml(html)).toBe('<aside class="subscribe"><p>Hi</p></aside>');
  });

  it('keeps code as plain text in its lines, without the colour classes only the site styles', () => {
    const code =
      '<pre class="astro-code"><code><span class="line highlighted"><span class="tk-keyword">const</span><span class="tk-fg"> a </span>' +
      '<span class="tk-keyword">=</span><span class="tk-string-expression"> "&lt;b&gt;"</span></span></code></pre>';
    expect(cleanFeedHtml(code)).toBe(
      '<pre class="astro-code"><code><span class="line highlighted">const a = "&lt;b&gt;"</span></code></pre>',
    );
    expect(cleanFeedHtml('<p><span class="tkx">kept</span></p>')).toBe('<p><span class="tkx">kept</span></p>');
  });

  it('is what feedContent applies before resolving URLs', () => {
    expect(feedContent('<script>x</script><a href="/x/">x</a>', 'https://e.com/')).toBe(
      '<a href="https://e.com/x/">x</a>',
    );
  });
});

describe('channel', () => {
  it('takes the latest publication or update as lastBuildDate', () => {
    expect(
      lastUpdated([
        { pubDate: new Date('2025-01-01') },
        { pubDate: new Date('2024-01-01'), updatedDate: new Date('2026-02-01') },
      ])?.toISOString(),
    ).toBe('2026-02-01T00:00:00.000Z');
    expect(lastUpdated([])).toBeUndefined();
  });

  it('escapes text in the browser note', () => {
    const extras = channelExtras({
      language: 'en',
      selfUrl: 'https://e.com/rss.xml?a=1&b=2',
      browserNote: {
        heading: 'A <b> & "c"',
        body: 'x',
        linkText: 'y',
        linkUrl: 'https://e.com/',
        homeText: 'z',
        homeUrl: 'https://e.com/',
      },
    });
    expect(extras).toContain('href="https://e.com/rss.xml?a=1&amp;b=2"');
    expect(extras).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(escapeXml(`'`)).toBe('&apos;');
  });

  it('adds a typed CSS stylesheet instruction after the XML declaration', () => {
    expect(withCssStylesheet('<?xml version="1.0" encoding="UTF-8"?><rss/>', '/blog/feed.css')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet href="/blog/feed.css" type="text/css"?><rss/>',
    );
  });
});

describe('a feed with difficult titles and bodies', () => {
  const fixtures = [
    { title: 'Lambda & Fargate <compared>', body: '<p>Costs &amp; limits: 1 &lt; 2</p>', tags: ['cost'] },
    { title: '无服务器与容器：怎么选', body: '<p>中文正文，含“引号”。</p>', tags: ['serverless'] },
    {
      title: 'Ship it 🚀 <script>alert(1)</script>',
      body: '<p>Emoji 🚀 and <code>&lt;script&gt;</code></p>',
      tags: ['lambda'],
    },
  ];

  async function build(): Promise<string> {
    const xml = await getRssString({
      title: 'Test & <feed>',
      description: 'Fixtures',
      site: 'https://example.com/blog/',
      xmlns: { atom: ATOM_NS },
      customData: channelExtras({
        language: 'zh-CN',
        lastBuildDate: new Date('2026-11-22T00:00:00Z'),
        selfUrl: 'https://example.com/blog/rss.xml',
        browserNote: {
          heading: 'h',
          body: 'b',
          linkText: 'l',
          linkUrl: 'https://example.com/blog/subscribe/',
          homeText: 'home',
          homeUrl: 'https://example.com/blog/',
        },
      }),
      items: fixtures.map((f, i) => ({
        title: f.title,
        link: `https://example.com/blog/posts/p${i}/`,
        pubDate: new Date(Date.UTC(2026, 0, i + 1)),
        description: f.title,
        categories: f.tags,
        content: feedContent(f.body, `https://example.com/blog/posts/p${i}/`),
      })),
    });
    return withCssStylesheet(xml, '/blog/feed.css');
  }

  it('is well-formed XML', async () => {
    expect(XMLValidator.validate(await build())).toBe(true);
  });

  it('round-trips every title and body exactly through a feed parser', async () => {
    const feed = await new Parser().parseString(await build());
    expect(feed.title).toBe('Test & <feed>');
    expect(feed.items.map((i) => i.title)).toEqual(fixtures.map((f) => f.title));
    expect(feed.items.map((i) => i['content:encoded'])).toEqual(fixtures.map((f) => f.body));
    expect(feed.items.map((i) => i.categories)).toEqual(fixtures.map((f) => f.tags));
    expect(feed.items[0]?.guid).toBe('https://example.com/blog/posts/p0/');
  });

  it('keeps the self link and language in the channel', async () => {
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(await build());
    expect(parsed.rss.channel.language).toBe('zh-CN');
    expect(parsed.rss.channel['atom:link']['@_href']).toBe('https://example.com/blog/rss.xml');
    expect(parsed.rss.channel['atom:link']['@_rel']).toBe('self');
  });
});

describe('items serialized once and shared by feeds', () => {
  const channel =
    '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><language>en</language></channel></rss>';
  const one = (title: string) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>${title}</title></item></channel></rss>`;

  it('takes the single item out of a one-post document', () => {
    expect(itemElement(one('A &amp; B'))).toBe('<item><title>A &amp; B</title></item>');
  });

  it('refuses documents with no item or several', () => {
    expect(() => itemElement(channel)).toThrow(/exactly one <item>/);
    expect(() => itemElement(one('a').replace('</channel>', '<item></item></channel>'))).toThrow(/exactly one/);
  });

  it('splits the document where items go, at the end of the channel', () => {
    const items = ['<item><title>1</title></item>', '<item><title>$& costs $1</title></item>'];
    const { head, tail } = splitChannel(channel);
    expect(head + items.join('') + tail).toBe(
      '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><language>en</language>' +
        '<item><title>1</title></item><item><title>$& costs $1</title></item></channel></rss>',
    );
    expect(head + tail).toBe(channel);
    expect(() => splitChannel('<rss></rss>')).toThrow(/<channel>/);
  });
});
