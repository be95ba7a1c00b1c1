import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../scripts/import';
import { listFiles } from '../helpers/dist';

const FIXTURES = resolve('tests/fixtures/import');
const EXISTING = `---
title: "Choosing Between AWS Lambda and AWS Fargate"
description: "How to choose."
pubDate: 2023-01-27
tags: [lambda]
---

Text.
`;

let site: string;

/** Runs the importer in the temporary site; returns the exit code and everything it printed. */
function importer(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, { cwd: site, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file under content/ with its bytes, to prove what a run did or did not change. */
function snapshot(): Map<string, string> {
  const dir = join(site, 'content');
  return new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'import-cli-'));
  mkdirSync(join(site, 'content/posts/en'), { recursive: true });
  mkdirSync(join(site, 'content/posts/zh'), { recursive: true });
  writeFileSync(join(site, 'content/posts/en/choosing-between-lambda-and-fargate.md'), EXISTING);
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

describe('usage', () => {
  it('exits 2 with the usage on bad arguments', () => {
    for (const args of [[], ['--lang', 'fr', FIXTURES], ['--nope', FIXTURES], [join(FIXTURES, 'no-such-file.md')]]) {
      const result = importer(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toContain('Usage: npm run import');
    }
    expect(importer('--lang', 'fr', FIXTURES).err).toMatch(/^--lang must be one of: en, zh \(got "fr"\)/);
  });

  it('prints the usage on --help and exits 0', () => {
    expect(importer('--help')).toMatchObject({ code: 0, out: expect.stringContaining('--dry-run') });
  });
});

describe('importing', () => {
  it('writes every post and image, reports problems with file and line, and counts them', () => {
    const result = importer(FIXTURES);
    expect(result.code).toBe(1);
    const files = [...snapshot().keys()];
    expect(files).toEqual(
      expect.arrayContaining([
        'posts/en/serverless-compute-compared.md',
        'posts/en/images/serverless-compute-compared/architecture.png',
        'posts/en/cold-starts.md',
        'posts/en/images/cold-starts/cold-start-chart.png',
        'posts/en/choosing-lambda.md',
        'posts/en/images/choosing-lambda/bg-home.jpg',
        'posts/en/images/choosing-lambda/diagram.png',
        'posts/en/first-steps.md',
        'posts/en/unfinished-thoughts.md',
        'posts/en/lambda-notes.md',
        'posts/en/images/lambda-notes/pasted-image-20251026154307.png',
        'posts/en/fargate-basics.md',
        'posts/en/queue-worker.md',
        'posts/zh/fargate-zh.md',
        'posts/zh/post-2024-08-01.md',
      ]),
    );
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(14);
    expect(readFileSync(join(site, 'content/posts/en/images/choosing-lambda/bg-home.jpg'))).toEqual(
      readFileSync(join(FIXTURES, 'jekyll/img/bg-home.jpg')),
    );
    expect(result.out).toContain(
      'converted   tests/fixtures/import/hugo/content/posts/serverless-compute.md'.replace(
        'tests/fixtures/import',
        FIXTURES,
      ),
    );
    expect(result.out).toContain(
      `  ${FIXTURES}/jekyll/_posts/2023-01-27-choosing-lambda.md:4: warning: "layout" is given twice (lines 2 and 4); the last value wins`,
    );
    expect(result.out).toContain(
      `  ${FIXTURES}/problems/broken-toml.md:3: error: the TOML front matter cannot be read`,
    );
    expect(result.out).toMatch(/\n13 converted, 0 unchanged, 0 skipped, 2 failed; \d+ warnings, 2 errors\.$/);
  });

  it('links wiki links to articles the site already has', () => {
    importer(join(FIXTURES, 'obsidian'));
    const notes = readFileSync(join(site, 'content/posts/en/lambda-notes.md'), 'utf8');
    expect(notes).toContain('(/posts/choosing-between-lambda-and-fargate/)');
    expect(notes).toContain('[Fargate Basics](/posts/fargate-basics/)');
  });

  it('exits 0 when every post converts', () => {
    const result = importer(join(FIXTURES, 'hugo'), join(FIXTURES, 'markdown/queue-worker.md'));
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/3 converted, 0 unchanged, 0 skipped, 0 failed;/);
  });

  it('fails a file that is not text, and goes on with the others', () => {
    const result = importer(join(FIXTURES, 'jekyll/img/diagram.png'), join(FIXTURES, 'markdown/queue-worker.md'));
    expect(result.code).toBe(1);
    expect(result.out).toContain(`${FIXTURES}/jekyll/img/diagram.png:1: error: cannot be read: it is not a text file`);
    expect(result.out).toMatch(/1 converted, 0 unchanged, 0 skipped, 1 failed; \d+ warnings, 1 error\.$/);
  });

  it('uses --lang for every post', () => {
    importer('--lang', 'zh', join(FIXTURES, 'markdown/queue-worker.md'));
    expect(listFiles(join(site, 'content/posts/zh'))).toEqual(['queue-worker.md']);
  });
});

describe('drafts saved as .txt', () => {
  const drafts = () => {
    const dir = join(site, 'drafts');
    mkdirSync(dir);
    writeFileSync(join(dir, 'one.txt'), '# Cold starts, measured\n\nLambda starts fast.\n');
    writeFileSync(join(dir, 'two.txt'), '# Fargate task start\n\nA task takes longer.\n');
    return dir;
  };

  it('says how many it found and how to import them', () => {
    drafts();
    const r = importer('drafts');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'No Markdown files (.md, .markdown, .mdown, .mkd) found in drafts. Found 2 .txt files; to import them as Markdown, add --ext txt.',
    );
  });

  it('imports them with --ext txt', () => {
    drafts();
    const r = importer('drafts', '--ext', 'txt', '--lang', 'en');
    expect(r.code, r.err).toBe(0);
    const written = listFiles(join(site, 'content/posts/en')).filter(
      (f) => f !== 'choosing-between-lambda-and-fargate.md',
    );
    expect(written).toHaveLength(2);
    const texts = written.map((f) => readFileSync(join(site, 'content/posts/en', f), 'utf8'));
    expect(texts.some((t) => t.includes('Lambda starts fast.'))).toBe(true);
    for (const text of texts) expect(text).toMatch(/^---\ntitle: /);
  });

  it('refuses an extension that is not one', () => {
    drafts();
    expect(importer('drafts', '--ext', '../x').code).toBe(2);
  });
});

describe('nothing lost', () => {
  const hugo = () => join(FIXTURES, 'hugo');

  it('--dry-run prints the plan and writes nothing', () => {
    const before = snapshot();
    const result = importer('--dry-run', FIXTURES);
    expect(snapshot()).toEqual(before);
    expect(result.code).toBe(1);
    expect(result.out).toContain('would write ');
    expect(result.out).toContain('    | title: "Comparing Serverless Compute: Lambda and Fargate"');
    expect(result.out).toContain(
      `    copy ${FIXTURES}/hugo/static/images/architecture.png → en/images/serverless-compute-compared/architecture.png`,
    );
    expect(result.out).toMatch(/Dry run, nothing written: 13 to convert, 0 unchanged, 0 skipped, 2 failed;/);
  });

  it('is idempotent: a second run changes nothing, and --force writes the same bytes', () => {
    expect(importer(hugo()).code).toBe(0);
    const first = snapshot();
    const again = importer(hugo());
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/0 converted, 2 unchanged, 0 skipped, 0 failed;/);
    expect(snapshot()).toEqual(first);
    const forced = importer('--force', hugo());
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/0 converted, 2 unchanged/);
    expect(snapshot()).toEqual(first);
  });

  it('never overwrites an edited article or image without --force', () => {
    importer(hugo());
    const post = join(site, 'content/posts/en/cold-starts.md');
    const image = join(site, 'content/posts/en/images/serverless-compute-compared/architecture.png');
    writeFileSync(post, `${readFileSync(post, 'utf8')}\nAn edit by the author.\n`);
    writeFileSync(image, 'not the same image');
    const edited = snapshot();
    const result = importer(hugo());
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/0 converted, 0 unchanged, 2 skipped, 0 failed;/);
    expect(result.out).toContain(
      'error: en/cold-starts.md already exist(s) with different content; use --force to overwrite',
    );
    expect(result.out).toContain(
      'error: en/images/serverless-compute-compared/architecture.png already exist(s) with different content',
    );
    expect(snapshot()).toEqual(edited);
    expect(importer('--force', hugo()).code).toBe(0);
    expect(readFileSync(post, 'utf8')).not.toContain('An edit by the author.');
  });

  it('refuses two posts with the same target, and a slug the site already uses', () => {
    const copy = join(site, 'sources');
    mkdirSync(join(copy, 'a'), { recursive: true });
    mkdirSync(join(copy, 'b'), { recursive: true });
    cpSync(join(FIXTURES, 'markdown/queue-worker.md'), join(copy, 'a/queue-worker.md'));
    cpSync(join(FIXTURES, 'markdown/queue-worker.md'), join(copy, 'b/queue-worker.md'));
    writeFileSync(join(site, 'content/posts/en/fargate-basics.mdx'), EXISTING.replace('Choosing', 'Other'));
    const result = importer(copy, join(FIXTURES, 'obsidian/Fargate Basics.md'));
    expect(result.code).toBe(1);
    expect(result.out).toContain('error: sources/a/queue-worker.md already imports to the same file');
    expect(result.out).toMatch(/error: the slug "fargate-basics" is already used by en\/fargate-basics\.mdx/);
    expect(result.out).toMatch(/1 converted, 0 unchanged, 0 skipped, 2 failed;/);
  });
});

describe('the npm script', () => {
  it('runs as a process and exits with the code', () => {
    const tsx = resolve('node_modules/.bin/tsx');
    const script = resolve('scripts/import.ts');
    const ok = spawnSync(tsx, [script, join(FIXTURES, 'markdown/queue-worker.md')], { cwd: site, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('1 converted');
    const usage = spawnSync(tsx, [script], { cwd: site, encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run import');
  }, 30_000);
});
