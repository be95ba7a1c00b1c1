import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentPosts, pagefindFragments } from '../helpers/dist';
import { CARDS_STARTED } from '../../src/lib/social-card';
import { buildSite, copySite, removeSite, type BuildResult } from '../helpers/site-copy';

/**
 * A copy of the site is built, one article is edited, and it is built again with the incremental
 * cache kept: unchanged pages must be restored rather than rendered, and everything that shows the
 * edited article (its page, its feeds, the search index) must show the edit.
 */
const edited = 'fargate-vs-lambda';
const marker = 'zqxrebuilt';
let dir: string;
let rebuild: BuildResult;
let coldZhFeed: string;
let coldOutput: string;

/**
 * What Astro logged for one output file, e.g. "/rss.xml": these tests tell rendered pages from
 * restored ones by Astro's build log ("├─ /path (+12ms)" or "├─ /path (restored)"), which is not
 * an API. With several pages built at once (build.concurrency), the line of a rendered page may run
 * on into the next entry, so entries are split at "├─ ".
 */
const logLine = (output: string, file: string) => {
  // After the name: its time or "(restored)", or, run on, the time stamp of the next entry.
  const entry = output
    .split('├─ ')
    .find((e) => e.startsWith(file) && /^(?:\s|\(|$|\d\d:\d\d:\d\d)/.test(e.slice(file.length)));
  if (entry === undefined) {
    throw new Error(
      `Astro's build log names no page "${file}" after "├─ ": its log format changed (docs/architecture.md, "What the build relies on")`,
    );
  }
  return entry;
};

/** An article published in the first builds and turned into a draft later. */
const unpublished = 'content/posts/en/withdrawn-after-review.md';

beforeAll(() => {
  dir = copySite('incremental-');
  writeFileSync(
    join(dir, unpublished),
    [
      '---',
      'title: "Withdrawn after review"',
      'description: "An article that is published, indexed, then withdrawn."',
      'pubDate: 2026-01-05',
      'tags: [lambda]',
      'draft: false',
      '---',
      '',
      'Published for a while, then withdrawn.',
      '',
    ].join('\n'),
  );
  const cold = buildSite(dir);
  if (!cold.ok) throw new Error(cold.output.slice(-2000));
  coldOutput = cold.output;
  coldZhFeed = readFileSync(join(dir, 'dist/zh/rss.xml'), 'utf8');
  appendFileSync(
    join(dir, `content/posts/en/${edited}.md`),
    `\n\nA paragraph added after the first build: ${marker}.\n`,
  );
  rebuild = buildSite(dir);
}, 300_000);

afterAll(() => removeSite(dir));

describe('Astro behaviour the build relies on', () => {
  it("lists every route's paths before it renders a page, so cards are drawn while pages render", () => {
    const started = coldOutput.indexOf(CARDS_STARTED);
    expect(started, 'the card route did not start drawing cards').toBeGreaterThan(-1);
    expect(
      started,
      'Astro rendered a page before the card route listed its paths: cards are now drawn only as their route renders, on one thread (src/content/social-cards.ts prepareCards); expect a slower build',
    ).toBeLessThan(coldOutput.indexOf('├─ '));
  });

  it("renders a route's pages in the order its getStaticPaths lists them", () => {
    // The card route lists the articles newest first, as the archive shows them.
    const listed = [
      ...readFileSync(join(dir, 'dist/archive/index.html'), 'utf8').matchAll(/href="\/posts\/([^/"]+)\/"/g),
    ]
      .map((m) => m[1])
      .filter((slug, i, all) => all.indexOf(slug) === i);
    const written = [...coldOutput.matchAll(/├─ \/posts\/([^/]+)\/card\.png/g)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(5);
    expect(
      written,
      'Astro no longer renders the card pages in the order the route lists them, which is the order the cards are drawn in (src/content/social-cards.ts prepareCards): card pages now wait for cards drawn later; expect a slower build',
    ).toEqual(listed);
  });
});

describe('rebuild after one article changes', () => {
  it('builds', () => {
    expect(rebuild.ok, rebuild.output.slice(-2000)).toBe(true);
  });

  it('restores unchanged articles and renders the edited one again', () => {
    expect(logLine(rebuild.output, '/posts/choosing-between-lambda-and-fargate/index.html')).toContain('(restored)');
    expect(logLine(rebuild.output, '/zh/posts/fargate-vs-lambda/index.html')).toContain('(restored)');
    const line = logLine(rebuild.output, `/posts/${edited}/index.html`);
    expect(line).not.toBe('');
    expect(line).not.toContain('(restored)');
  });

  it('shows the edit on the page, in the language feed and in the feed of each of its tags only', () => {
    expect(readFileSync(join(dir, `dist/posts/${edited}/index.html`), 'utf8')).toContain(marker);
    expect(readFileSync(join(dir, 'dist/rss.xml'), 'utf8')).toContain(marker);
    const source = readFileSync(join(dir, `content/posts/en/${edited}.md`), 'utf8');
    const tags = (/^tags: \[(.+)\]$/m.exec(source)?.[1] ?? '').split(',').map((t) => t.trim());
    expect(tags.length).toBeGreaterThan(1);
    for (const tag of tags) {
      expect(readFileSync(join(dir, `dist/tags/${tag}/rss.xml`), 'utf8')).toContain(marker);
      expect(logLine(rebuild.output, `/tags/${tag}/rss.xml`)).not.toContain('(restored)');
    }
    // Other feeds come from Astro's cache, except the language feeds, which are never kept there
    // (feedItemCache's wholeFeeds): the Chinese one is written again from kept items, unchanged.
    const zhTag = readdirSync(join(dir, 'dist/zh/tags')).find((name) =>
      existsSync(join(dir, `dist/zh/tags/${name}/rss.xml`)),
    );
    expect(logLine(rebuild.output, `/zh/tags/${zhTag}/rss.xml`)).toContain('(restored)');
    expect(logLine(rebuild.output, '/zh/rss.xml')).not.toBe('');
    expect(logLine(rebuild.output, '/zh/rss.xml')).not.toContain('(restored)');
    expect(readFileSync(join(dir, 'dist/zh/rss.xml'), 'utf8')).toBe(coldZhFeed);
  });

  it('indexes every article for search, restored or rendered, and finds the new word', () => {
    const fragments = pagefindFragments(join(dir, 'dist'));
    expect(fragments.map((f) => f.fragment.url)).toContain('/posts/withdrawn-after-review/');
    const published = contentPosts(dir).filter((p) => !p.draft);
    expect(fragments.map((f) => f.fragment.url).sort()).toEqual(
      published.map((p) => `${p.locale === 'en' ? '' : `/${p.locale}`}/posts/${p.slug}/`).sort(),
    );
    const page = fragments.find((f) => f.fragment.url === `/posts/${edited}/`);
    expect(page?.fragment.content).toContain(marker);
  });

  it('drops an article turned into a draft from the index, and never reuses a half-written index', () => {
    const kept = join(dir, 'node_modules/.astro/pagefind/shard-0-en');
    // A build stopped while writing the index leaves no marker, and may leave a truncated file.
    rmSync(join(kept, '.whole'));
    writeFileSync(join(kept, 'fragment/en_truncated.pf_fragment'), 'half');
    const file = join(dir, unpublished);
    writeFileSync(file, readFileSync(file, 'utf8').replace('draft: false', 'draft: true'));
    const result = buildSite(dir);
    expect(result.ok, result.output.slice(-2000)).toBe(true);
    const urls = pagefindFragments(join(dir, 'dist')).map((f) => f.fragment.url);
    expect(urls).not.toContain('/posts/withdrawn-after-review/');
    expect(urls).toHaveLength(contentPosts(dir).filter((p) => !p.draft).length);
    expect(existsSync(join(kept, 'fragment/en_truncated.pf_fragment'))).toBe(false);
    // The kept English part holds a fragment for each English article, and nothing else.
    expect(readdirSync(join(kept, 'fragment'))).toHaveLength(urls.filter((url) => url.startsWith('/posts/')).length);
    expect(existsSync(join(kept, '.whole'))).toBe(true);
    // dist/ shares the hashed files with the kept index, and has its own copy of the rest.
    const inode = (path: string) => statSync(path).ino;
    const fragment = readdirSync(join(kept, 'fragment'))[0]!;
    expect(inode(join(dir, 'dist/pagefind/fragment', fragment))).toBe(inode(join(kept, 'fragment', fragment)));
    expect(inode(join(dir, 'dist/pagefind/pagefind.js'))).not.toBe(inode(join(kept, 'pagefind.js')));
  });

  it('keeps feed items for the next build, and serializes them afresh after a source change', () => {
    const kept = JSON.parse(readFileSync(join(dir, 'node_modules/.astro/feed-items/en.json'), 'utf8')) as {
      items: Record<string, string>;
    };
    const english = contentPosts(dir).filter((p) => p.locale === 'en' && !p.draft);
    expect(Object.keys(kept.items)).toHaveLength(english.length);
    // A change to the code that builds items must reach every item, not only those of edited articles.
    const feedCode = join(dir, 'src/lib/feed.ts');
    writeFileSync(
      feedCode,
      readFileSync(feedCode, 'utf8').replace('    .trim();\n}', "    .trim() + '<p>zqxsourcechange</p>';\n}"),
    );
    const result = buildSite(dir);
    expect(result.ok, result.output.slice(-2000)).toBe(true);
    const feed = readFileSync(join(dir, 'dist/rss.xml'), 'utf8');
    expect(feed.match(/zqxsourcechange/g)).toHaveLength(english.length);
  });

  it('fails the build when a page outside the indexed routes marks data-pagefind-body', () => {
    writeFileSync(
      join(dir, 'src/pages/stray.astro'),
      '<html lang="en"><head><title>Stray</title></head><body><main data-pagefind-body>Stray</main></body></html>\n',
    );
    const result = buildSite(dir);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('stray/index.html (route /stray) marks data-pagefind-body');
  });
});
