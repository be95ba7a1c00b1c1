import { satteriCreateHighlightFn } from '@astrojs/markdown-satteri';
import { toHtml } from 'hast-util-to-html';
import { afterAll, describe, expect, it } from 'vitest';
import { HighlightPool } from '../../src/integrations/highlight';
import { shikiConfig } from '../../src/lib/code-blocks';

const blocks: [code: string, lang: string, meta?: string][] = [
  ['export const handler = async () => ({ statusCode: 200 });', 'ts', 'title="src/handler.ts" {1}'],
  ['import boto3\nclient = boto3.client("ecs")  # [!code ++]', 'python'],
  ['aws ecs run-task --launch-type FARGATE', 'bash'],
  ['no such language here', 'not-a-language'],
];

describe('HighlightPool', () => {
  const pool = new HighlightPool(2);
  afterAll(() => pool.close());

  it('gives exactly the HTML tree of Astro highlighting in the same thread, for blocks in flight at once', async () => {
    const inThread = (await satteriCreateHighlightFn('shiki', shikiConfig()))!;
    const expected = await Promise.all(blocks.map(([code, lang, meta]) => inThread(code, lang, meta)));
    const fromWorkers = await Promise.all(blocks.map(([code, lang, meta]) => pool.highlight(code, lang, meta)));
    expect(fromWorkers).toEqual(expected);
    expect(JSON.stringify(fromWorkers[0])).toContain('src/handler.ts');
    expect(JSON.stringify(fromWorkers[0])).toContain('tk-keyword');
  });

  it('gives the same blocks as raw HTML nodes when asked for HTML', async () => {
    const inThread = (await satteriCreateHighlightFn('shiki', shikiConfig()))!;
    const expected = await Promise.all(blocks.map(([code, lang, meta]) => inThread(code, lang, meta)));
    const fromWorkers = await Promise.all(blocks.map(([code, lang, meta]) => pool.highlight(code, lang, meta, 'html')));
    expect(fromWorkers).toEqual(expected.map((node) => ({ type: 'raw', value: toHtml(node!) })));
    expect(fromWorkers[0]).toMatchObject({
      value: expect.stringMatching(/^<figure class="code-block" data-lang="ts">/),
    });
  });

  it('starts again after being closed', async () => {
    await pool.close();
    expect(JSON.stringify(await pool.highlight('const a = 1;', 'js'))).toContain('tk-keyword');
  });
});

describe('HighlightPool lifetime', () => {
  it('starts a second worker only for a backlog, and stops all of them once idle', async () => {
    const pool = new HighlightPool(2, 50);
    await pool.highlight('const a = 1;', 'js');
    expect(pool.running).toBe(1);
    await Promise.all(Array.from({ length: 12 }, (_, i) => pool.highlight(`const a${i} = ${i};`, 'js')));
    expect(pool.running).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pool.running).toBe(0);
    expect(JSON.stringify(await pool.highlight('let b = 2;', 'js'))).toContain('tk-keyword');
    await pool.close();
  });
});
