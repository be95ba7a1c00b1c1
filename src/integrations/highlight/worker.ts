import { parentPort } from 'node:worker_threads';
import { satteriCreateHighlightFn } from '@astrojs/markdown-satteri';
import { shikiConfig } from '../../lib/code-blocks.ts';

/**
 * A highlighting worker: Astro's own Shiki highlighter with the site's configuration, answering
 * { id, code, lang, meta } with the highlighted block as a hast element.
 */
export interface HighlightRequest {
  id: number;
  code: string;
  lang: string;
  meta: string | undefined;
}

const highlight = await satteriCreateHighlightFn('shiki', shikiConfig());
if (!highlight) throw new Error('Shiki did not start');

parentPort!.on('message', async ({ id, code, lang, meta }: HighlightRequest) => {
  try {
    parentPort!.postMessage({ id, node: await highlight(code, lang, meta) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
