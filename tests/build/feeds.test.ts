import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/site.config';
import { contentPosts, html, listFiles } from '../helpers/dist';

/** Every feed the build wrote, parsed as XML and as RSS, and compared with the content. */
const root = process.cwd();
const dist = join(root, 'dist');
const site = siteConfig.url;
const posts = contentPosts(root);
const published = posts.filter((p) => !p.draft);
const feedFiles = listFiles(dist).filter((f) => f.endsWith('rss.xml'));
const rfc822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const xml = new XMLParser({ ignoreAttributes: false });

const tagsOf = (body: string) =>
  /^tags:\s*\[(.*)\]\s*$/m
    .exec(body)![1]!
    .split(',')
    .map((t) => t.trim());

/** Which posts a feed file should list, from the content files alone. */
function expectedPosts(file: string) {
  const locale = file.startsWith('zh/') ? 'zh' : 'en';
  const tag = /tags\/([^/]+)\/rss\.xml$/.exec(file)?.[1];
  return published.filter((p) => p.locale === locale && (!tag || tagsOf(p.body).includes(tag)));
}

describe('feeds', () => {
  it('exist for both languages and for every tag of each language', () => {
    expect(feedFiles).toContain('rss.xml');
    expect(feedFiles).toContain('zh/rss.xml');
    for (const locale of ['en', 'zh']) {
      const tags = new Set(published.filter((p) => p.locale === locale).flatMap((p) => tagsOf(p.body)));
      for (const tag of tags) expect(feedFiles).toContain(`${locale === 'en' ? '' : 'zh/'}tags/${tag}/rss.xml`);
    }
  });

  for (const file of feedFiles) {
    describe(file, () => {
      const text = readFileSync(join(dist, file), 'utf8');
      const doc = xml.parse(text);
      const channel = doc.rss.channel;
      const items: Record<string, unknown>[] = [channel.item ?? []].flat();

      it('is well-formed RSS 2.0 with a CSS stylesheet for browsers', async () => {
        expect(XMLValidator.validate(text)).toBe(true);
        expect(doc.rss['@_version']).toBe('2.0');
        expect(text).toMatch(
          /^<\?xml version="1\.0" encoding="UTF-8"\?><\?xml-stylesheet href="\/feed\.css" type="text\/css"\?>/,
        );
        await expect(new Parser().parseString(text)).resolves.toBeTruthy();
      });

      it('describes its channel: title, link, description, language, lastBuildDate, self link', () => {
        expect(channel.title).toBeTruthy();
        expect(channel.description).toBeTruthy();
        expect(channel.link).toMatch(new RegExp(`^${site}/`));
        expect(channel.language).toBe(file.startsWith('zh/') ? 'zh-CN' : 'en');
        expect(channel.lastBuildDate).toMatch(rfc822);
        expect(channel['atom:link']['@_href']).toBe(`${site}/${file}`);
        expect(channel['atom:link']['@_rel']).toBe('self');
      });

      it('lists exactly the published posts it should, newest first, and no draft', async () => {
        const feed = await new Parser().parseString(text);
        const expected = expectedPosts(file);
        const prefix = file.startsWith('zh/') ? '/zh' : '';
        expect(feed.items.map((i) => i.link).sort()).toEqual(
          expected.map((p) => `${site}${prefix}/posts/${p.slug}/`).sort(),
        );
        const dates = feed.items.map((i) => Date.parse(i.pubDate!));
        expect(dates).toEqual([...dates].sort((a, b) => b - a));
        for (const draft of posts.filter((p) => p.draft)) expect(text).not.toContain(draft.slug);
      });

      it('gives every item an absolute link, a permalink guid, an RFC 822 date, categories and full content', async () => {
        const feed = await new Parser({ customFields: { item: ['content:encoded'] } }).parseString(text);
        const guids = items.map((i) => (i['guid'] as Record<string, string>)['#text']);
        expect(new Set(guids).size).toBe(guids.length);
        for (const item of items) {
          const guid = item['guid'] as Record<string, string>;
          expect(guid['@_isPermaLink']).toBe('true');
          expect(guid['#text']).toBe(item['link']);
          expect(item['pubDate']).toMatch(rfc822);
          expect(item['description']).toBeTruthy();
        }
        for (const entry of feed.items) {
          const post = published.find(
            (p) => entry.link!.endsWith(`/posts/${p.slug}/`) && entry.link!.includes('/zh/') === (p.locale === 'zh'),
          )!;
          expect(entry.categories?.sort()).toEqual(tagsOf(post.body).sort());
          const content = entry['content:encoded'] as string;
          expect(content.length).toBeGreaterThan(2000);
          const urls = [...content.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
          expect(urls.length).toBeGreaterThan(3);
          for (const url of urls) expect(url, entry.link).toMatch(/^(https?:|mailto:)/);
          expect(content).not.toMatch(/<script|data-astro|data-pagefind/);
        }
      });
    });
  }
});

describe('feed discovery', () => {
  it('links the language feed from every page, and the tag feed from tag pages', () => {
    for (const file of listFiles(dist).filter((f) => f.endsWith('.html'))) {
      const links = html(dist, file)
        .querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')
        .map((l) => l.getAttribute('href'));
      expect(links[0], file).toBe(file.startsWith('zh/') ? `${site}/zh/rss.xml` : `${site}/rss.xml`);
      const tag = /tags\/([^/]+)\/index\.html$/.exec(file)?.[1];
      if (tag) expect(links, file).toContain(`${site}/${file.replace('index.html', 'rss.xml')}`);
    }
  });

  it('sends readers who click an RSS link on a page to the subscribe page', () => {
    const doc = html(dist, 'index.html');
    expect(doc.querySelector('footer a.rss')?.getAttribute('href')).toBe('/subscribe/');
    const subscribe = html(dist, 'zh/subscribe/index.html');
    const listed = subscribe.querySelectorAll('[data-feed]').map((li) => li.getAttribute('data-feed'));
    expect(listed).toContain(`${site}/zh/rss.xml`);
    expect(listed).toContain(`${site}/rss.xml`);
    for (const file of feedFiles.filter((f) => f.startsWith('zh/tags/'))) expect(listed).toContain(`${site}/${file}`);
  });
});

describe('sitemap', () => {
  const urls = listFiles(dist)
    .filter((f) => /^sitemap-\d+\.xml$/.test(f))
    .flatMap((f) => [xml.parse(readFileSync(join(dist, f), 'utf8')).urlset.url].flat()) as Record<string, unknown>[];

  it('lists every built page except the 404s, and nothing else', () => {
    const pages = listFiles(dist)
      .filter((f) => f.endsWith('.html') && !f.endsWith('404.html'))
      .map((f) => `${site}/${f.replace(/index\.html$/, '')}`)
      .sort();
    expect(urls.map((u) => u['loc']).sort()).toEqual(pages);
  });

  it('pairs translated articles with hreflang alternates', () => {
    const entry = urls.find((u) => u['loc'] === `${site}/posts/choosing-between-lambda-and-fargate/`)!;
    const links = [entry['xhtml:link']].flat() as Record<string, string>[];
    expect(links.map((l) => [l['@_hreflang'], l['@_href']]).sort()).toEqual([
      ['en', `${site}/posts/choosing-between-lambda-and-fargate/`],
      ['zh-CN', `${site}/zh/posts/choosing-between-lambda-and-fargate/`],
    ]);
  });
});
