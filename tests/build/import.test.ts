import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/site.config';
import { contentPosts, findBrokenLinks, html } from '../helpers/dist';
import { buildSite, copySite, removeSite, type BuildResult } from '../helpers/site-copy';

/**
 * Imports every fixture into a copy of the site with the real CLI, then builds the copy: what the
 * importer writes must build without edits, and its pages, images and links must work.
 */
const FIXTURES = resolve('tests/fixtures/import');

describe('a site with imported posts', () => {
  let dir: string;
  let imported: { status: number | null; stdout: string };
  let build: BuildResult;
  let added: ReturnType<typeof contentPosts>;

  beforeAll(() => {
    dir = copySite('import-build-');
    const before = new Set(contentPosts(dir).map((p) => `${p.locale}/${p.slug}`));
    imported = spawnSync(join(dir, 'node_modules/.bin/tsx'), ['scripts/import.ts', FIXTURES], {
      cwd: dir,
      encoding: 'utf8',
    });
    added = contentPosts(dir).filter((p) => !before.has(`${p.locale}/${p.slug}`));
    build = buildSite(dir);
  });
  afterAll(() => removeSite(dir));

  it('imports every fixture except the two whose front matter cannot be read', () => {
    expect(imported.stdout).toMatch(/13 converted, 0 unchanged, 0 skipped, 2 failed;/);
    expect(imported.status).toBe(1);
    expect(added).toHaveLength(13);
  });

  it('builds without edits', () => {
    expect(build.ok, build.output).toBe(true);
  });

  it('has a page for every imported published post and none for drafts', () => {
    const dist = join(dir, 'dist');
    for (const post of added) {
      const page = join(dist, post.locale === 'en' ? '' : post.locale, 'posts', post.slug, 'index.html');
      expect(existsSync(page), `${post.locale}/${post.slug}`).toBe(!post.draft);
    }
    expect(added.filter((p) => p.draft).map((p) => p.slug)).toEqual(['unfinished-thoughts']);
  });

  it('serves the copied images through astro:assets, and every link of the imported pages resolves', () => {
    const dist = join(dir, 'dist');
    const notes = html(dist, 'posts/lambda-notes/index.html');
    const image = notes.querySelector('article img[alt="Pasted image 20251026154307"]');
    expect(image?.getAttribute('src')).toMatch(/^\/_astro\/pasted-image-20251026154307\.[\w-]+\.webp$/);
    const pages = new Set(
      added.filter((p) => !p.draft).map((p) => `${p.locale === 'en' ? '' : 'zh/'}posts/${p.slug}/index.html`),
    );
    const broken = findBrokenLinks(dist, siteConfig.url).filter((b) => pages.has(b.page));
    expect(broken).toEqual([]);
  });

  it('renders shortcodes as nothing and keeps reported problems visible as text', () => {
    const dist = join(dir, 'dist');
    const hugo = html(dist, 'posts/serverless-compute-compared/index.html').querySelector('article .prose')!;
    // Text a reader sees, outside inline code (which documents a shortcode on purpose).
    const visible = hugo.querySelectorAll('p').map((p) => p.text.replace(p.querySelector('code')?.text ?? '', ''));
    expect(visible.join('\n')).not.toMatch(/newsletter|caption|\{\{/);
    expect(hugo.querySelector('code')!.text).toBe('{{< youtube id >}}');
    const missing = html(dist, 'posts/missing-images/index.html').querySelector('article')!.text;
    expect(missing).toContain('![Not here](./nope.png)');
    expect(missing).toMatch(/<img src=.local\.png. alt=.HTML image.>/);
  });
});
