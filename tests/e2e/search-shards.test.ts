import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARD_PLAN, shardOf } from '../../src/lib/search-shards';
import { launchBrowser, serveDist, type Server } from '../helpers/browser';
import { contentPosts, pagefindFragments } from '../helpers/dist';
import { buildSite, copySite, removeSite, type BuildResult } from '../helpers/site-copy';

/**
 * A copy of the site, with two English-only articles added, built with shards of six pages, so that
 * its handful of articles is split the way 10,000 would be: English into three shards, Chinese into two. The index must hold every
 * article exactly once, in the shard its path hashes to; a reader's search must merge the shards
 * of the page's language and no other; a rebuild after one edit must index one shard again.
 */
let dir: string;
let cold: BuildResult;
let server: Server;
let browser: Browser;

const published = () => contentPosts(dir).filter((p) => !p.draft);
const file = (p: { locale: string; slug: string }) =>
  `${p.locale === 'en' ? '' : `${p.locale}/`}posts/${p.slug}/index.html`;
const url = (p: { locale: string; slug: string }) => `/${file(p).replace(/index\.html$/, '')}`;
const bundles = ['pagefind', 'pagefind/shard-1', 'pagefind/shard-2'];

beforeAll(async () => {
  dir = copySite('shards-');
  const config = join(dir, 'src/lib/search-shards.ts');
  const source = readFileSync(config, 'utf8');
  if (!/export const SHARD_PAGES = \d+;/.test(source)) throw new Error('SHARD_PAGES is not where this test expects it');
  writeFileSync(config, source.replace(/export const SHARD_PAGES = \d+;/, 'export const SHARD_PAGES = 6;'));
  for (const n of [1, 2]) {
    writeFileSync(
      join(dir, `content/posts/en/shard-filler-${n}.md`),
      `---\ntitle: "Shard filler ${n}: Lambda"\ndescription: "An English-only article that fills a search shard."\npubDate: 2024-0${n}-01\ntags: [lambda]\nsingleLanguage: true\n---\n\nLambda text for shard ${n}.\n\n## Sources\n\n- None.\n`,
    );
  }
  cold = buildSite(dir);
  if (!cold.ok) throw new Error(cold.output.slice(-3000));
  server = await serveDist(join(dir, 'dist'));
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) removeSite(dir);
});

/** Searches from a page through the header's dialog; returns the result URLs and what was fetched. */
async function search(path: string, query: string): Promise<{ results: string[]; fetched: string[] }> {
  const page: Page = await browser.newPage();
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + path);
  await page.keyboard.press('Control+k');
  await page.keyboard.type(query);
  await page.waitForSelector('#search-dialog a.result');
  await page.waitForLoadState('networkidle');
  const results = await page
    .locator('#search-dialog a.result')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  await page.close();
  expect(errors).toEqual([]);
  return { results, fetched };
}

describe('search index split into shards', () => {
  it('puts every published article in exactly one shard, the one its path hashes to', () => {
    expect(cold.output).toMatch(/search shard 3 of 3, en: indexed \d+ pages/);
    const en = published().filter((p) => p.locale === 'en');
    const zh = published().filter((p) => p.locale === 'zh');
    // Six pages a shard: 13 English articles make three shards, 11 Chinese ones two.
    expect(Math.ceil(en.length / 6)).toBe(3);
    expect(Math.ceil(zh.length / 6)).toBe(2);
    const shardsOf = new Map<string, number[]>();
    for (const [i, bundle] of bundles.entries()) {
      for (const { fragment } of pagefindFragments(join(dir, 'dist'), bundle)) {
        shardsOf.set(fragment.url, [...(shardsOf.get(fragment.url) ?? []), i]);
      }
    }
    expect([...shardsOf.keys()].sort()).toEqual(published().map(url).sort());
    for (const post of en) expect(shardsOf.get(url(post))).toEqual([shardOf(file(post), 3)]);
    for (const post of zh) expect(shardsOf.get(url(post))).toEqual([shardOf(file(post), 2)]);
    expect(existsSync(join(dir, 'dist/pagefind/shard-3'))).toBe(false);
  });

  it("ships Pagefind's scripts once, in the first shard", () => {
    expect(existsSync(join(dir, 'dist/pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(join(dir, 'dist/pagefind/shard-1/pagefind-entry.json'))).toBe(true);
    expect(existsSync(join(dir, 'dist/pagefind/shard-1/pagefind.js'))).toBe(false);
  });

  it('publishes how many shards each language has, once, for the search script', () => {
    expect(JSON.parse(readFileSync(join(dir, 'dist', SHARD_PLAN), 'utf8'))).toEqual({ en: 3, 'zh-cn': 2 });
    // Pages carry no shard count of their own: the plan is not part of any page or cache key.
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).not.toContain('data-search-shards');
  });

  it('finds English articles of every shard, merging only the English shards', async () => {
    const en = published().filter((p) => p.locale === 'en');
    const { results, fetched } = await search('/', 'Lambda');
    expect(results.sort()).toEqual(en.map(url).sort());
    expect(new Set(en.map((p) => shardOf(file(p), 3))).size).toBe(3);
    for (const bundle of bundles) expect(fetched).toContain(`/${bundle}/pagefind-entry.json`);
  });

  it('finds Chinese articles in both Chinese shards, and nothing in English', async () => {
    const zh = published().filter((p) => p.locale === 'zh');
    const { results, fetched } = await search('/zh/', '容器');
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result).toMatch(/^\/zh\/posts\//);
    expect(results.sort()).toEqual(
      zh
        .filter((p) => p.body.includes('容器'))
        .map(url)
        .sort(),
    );
    expect(fetched).toContain('/pagefind/shard-1/pagefind-entry.json');
    expect(fetched).not.toContain('/pagefind/shard-2/pagefind-entry.json');
  });

  it('indexes again only the shard of an edited article after a rebuild', () => {
    const edited = published().find((p) => p.locale === 'en' && p.slug === 'fargate-vs-lambda')!;
    const ext = existsSync(join(dir, `content/posts/en/${edited.slug}.md`)) ? 'md' : 'mdx';
    appendFileSync(join(dir, `content/posts/en/${edited.slug}.${ext}`), '\n\nAdded before a rebuild: zqxshardword.\n');
    const rebuild = buildSite(dir);
    expect(rebuild.ok, rebuild.output.slice(-3000)).toBe(true);
    const shard = shardOf(file(edited), 3);
    const lines = rebuild.output.split('\n').filter((line) => line.includes('search shard'));
    expect(lines.filter((line) => /indexed \d+ pages/.test(line))).toEqual([
      expect.stringContaining(`search shard ${shard + 1} of 3, en: indexed`),
    ]);
    // Three English parts and two Chinese: all but the edited one are kept.
    expect(lines.filter((line) => line.includes('unchanged, kept from the last build'))).toHaveLength(4);
    const fragments = pagefindFragments(join(dir, 'dist'), bundles[shard]);
    expect(fragments.find((f) => f.fragment.url === url(edited))?.fragment.content).toContain('zqxshardword');
    // The shards kept as they were are still whole in dist/.
    const all = bundles.flatMap((bundle) => pagefindFragments(join(dir, 'dist'), bundle));
    expect(all).toHaveLength(published().length);
  }, 120_000);
});
