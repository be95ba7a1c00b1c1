import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { newPost, slugify } from '../../src/lib/new-post';
import { postSchema } from '../../src/lib/schema';

const frontMatter = (content: string) => parse(content.split('---')[1]!);

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
/** An empty project folder for the CLI, removed after the tests. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'new-post-'));
  made.push(dir);
  return dir;
}

describe('newPost', () => {
  it('slugs titles to lower-case ASCII words', () => {
    expect(slugify('Cold Starts, Explained: Lambda & Fargate')).toBe('cold-starts-explained-lambda-fargate');
    expect(slugify('Café déjà vu')).toBe('cafe-deja-vu');
    expect(slugify('无服务器')).toBe('');
  });

  it('writes a draft with front matter the site accepts', () => {
    const post = newPost({
      title: 'Lambda "cold" starts',
      locale: 'en',
      today: '2026-11-22',
      tags: ['lambda', 'cost'],
    });
    expect(post.path).toBe('content/posts/en/lambda-cold-starts.md');
    const data = postSchema(() => z.string()).parse(frontMatter(post.content));
    expect(data).toMatchObject({ title: 'Lambda "cold" starts', tags: ['lambda', 'cost'], draft: true });
    expect(data.pubDate.toISOString()).toBe('2026-11-22T00:00:00.000Z');
  });

  it('needs a slug for a Chinese title, and writes Chinese placeholders', () => {
    expect(() => newPost({ title: '冷启动详解', locale: 'zh', today: '2026-11-22' })).toThrow(/Add --slug/);
    const post = newPost({ title: '冷启动详解', locale: 'zh', today: '2026-11-22', slug: 'cold-starts' });
    expect(post.path).toBe('content/posts/zh/cold-starts.md');
    expect(post.content).toContain('## 参考资料');
    expect(() => postSchema(() => z.string()).parse(frontMatter(post.content))).not.toThrow();
  });

  it('rejects bad slugs and tags with a message that shows a good one', () => {
    expect(() => newPost({ title: 'x', locale: 'en', today: '2026-11-22', slug: 'Bad Slug' })).toThrow(
      /lambda-cold-starts/,
    );
    expect(() => newPost({ title: 'x', locale: 'en', today: '2026-11-22', tags: ['AWS'] })).toThrow(/tag "AWS"/);
    expect(() => newPost({ title: '  ', locale: 'en', today: '2026-11-22' })).toThrow(/title/);
  });
});

describe('npm run new', () => {
  const tsx = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');
  const script = join(process.cwd(), 'scripts/new-post.ts');
  const run = (cwd: string, ...args: string[]) =>
    spawnSync(process.execPath, [tsx, script, ...args], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '' },
    });

  it('creates the file with today’s date, then refuses to overwrite it', () => {
    const dir = scratch();
    const first = run(dir, 'Fargate Spot in practice', '--lang', 'en');
    expect(first.status, first.stderr).toBe(0);
    const file = join(dir, 'content/posts/en/fargate-spot-in-practice.md');
    expect(frontMatter(readFileSync(file, 'utf8')).pubDate).toBe(new Date().toISOString().slice(0, 10));
    writeFileSync(file, 'the author’s words');
    const second = run(dir, 'Fargate Spot in practice');
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(
      'content/posts/en/fargate-spot-in-practice.md already exists and was left untouched',
    );
    expect(readFileSync(file, 'utf8')).toBe('the author’s words');
  });

  it('reports usage errors with exit code 2', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'content'));
    expect(run(dir, 'x', '--lang', 'fr').status).toBe(2);
    expect(run(dir, '无服务器', '--lang', 'zh').stderr).toContain('Add --slug');
  });
});
