import { spawn, type ChildProcess } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentPosts } from '../helpers/dist';

/** Drafts are for writing: `npm run dev` shows them, marked, while production leaves them out. */
let dev: ChildProcess;
let url = '';
const draft = contentPosts(process.cwd()).find((p) => p.draft)!;

beforeAll(async () => {
  dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', '0', '--host', '127.0.0.1'], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
    stdio: 'pipe',
  });
  let output = '';
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${output}`)), 45_000);
    dev.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(stripVTControlCharacters(output));
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    });
    dev.on('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${output}`)));
  });
});

afterAll(() => {
  dev?.kill();
});

describe('search in the dev server', () => {
  it('serves the last build’s index, so search works while writing', async () => {
    const res = await fetch(`${url}/pagefind/pagefind.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
  });

  it('tells the search interface it runs in dev, to explain a missing index', async () => {
    const html = await (await fetch(`${url}/search/`)).text();
    expect(html).toMatch(/<search-panel[^>]*data-dev="true"/);
  });
});

describe('drafts in the dev server', () => {
  it('render with a visible draft banner', async () => {
    const prefix = draft.locale === 'en' ? '' : `/${draft.locale}`;
    const res = await fetch(`${url}${prefix}/posts/${draft.slug}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/class="draft-banner[^"]*"[^>]*role="note"/);
  });

  it('are listed on the home page, marked as drafts', async () => {
    const html = await (await fetch(`${url}/`)).text();
    expect(html).toContain(`/posts/${draft.slug}/`);
    expect(html).toMatch(/class="draft[^"]*"[^>]*>Draft</);
  });
});
