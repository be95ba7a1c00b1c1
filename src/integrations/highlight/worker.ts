import { parentPort } from 'node:worker_threads';
import { satteriCreateHighlightFn } from '@astrojs/markdown-satteri';
import { toHtml } from 'hast-util-to-html';
import { shikiConfig } from '../../lib/code-blocks.ts';

/**
 * A highlighting worker: Astro's own Shiki highlighter with the site's configuration, answering
 * { id, code, lang, meta, as } with the highlighted block as a hast element, or as its HTML.
 */
export interface HighlightRequest {
  id: number;
  code: string;
  lang: string;
  meta: string | undefined;
  /** `html` sends one string instead of a tree of a few hundred nodes. */
  as: 'hast' | 'html';
}

const highlight = await satteriCreateHighlightFn('shiki', shikiConfig());
if (!highlight) throw new Error('Shiki did not start');

parentPort!.on('message', async ({ id, code, lang, meta, as }: HighlightRequest) => {
  try {
    const node = await highlight(code, lang, meta);
    parentPort!.postMessage(as === 'html' && node ? { id, html: toHtml(node) } : { id, node });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
