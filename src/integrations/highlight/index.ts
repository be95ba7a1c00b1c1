import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { satteriHighlightPlugin } from '@astrojs/markdown-satteri';
import type { HastPluginDefinition } from 'satteri';
import type { HighlightRequest } from './worker';

type HastNode = Awaited<ReturnType<Parameters<typeof satteriHighlightPlugin>[0]>>;

interface Pending {
  resolve: (node: HastNode) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * Shiki tokenizes on the JavaScript thread, and during a build's content sync it is most of the
 * work: about 1 ms per code block, 4 s for 1,000 articles. This runs it in worker threads instead,
 * so that on a machine with several cores Markdown parsing and highlighting overlap. Each worker
 * runs Astro's own Shiki highlighter with the site's configuration (src/lib/code-blocks.ts), so
 * the HTML is the same as Astro's built-in highlighting would give.
 */
export class HighlightPool {
  readonly #size: number;
  readonly #slots: Slot[] = [];
  #nextId = 0;

  constructor(size = Math.min(4, availableParallelism())) {
    this.#size = Math.max(1, size);
  }

  /** Highlights one block; workers start on first use. */
  highlight(code: string, lang: string, meta?: string): Promise<HastNode> {
    const slot = this.#leastBusy();
    const id = this.#nextId++;
    return new Promise<HastNode>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      // A busy worker keeps the process alive; an idle one must not hold it open at exit.
      slot.worker.ref();
      slot.worker.postMessage({ id, code, lang, meta } satisfies HighlightRequest);
    });
  }

  /** Stops the workers (the next highlight starts new ones). */
  async close(): Promise<void> {
    const slots = this.#slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #leastBusy(): Slot {
    if (this.#slots.length < this.#size) this.#slots.push(this.#start());
    return this.#slots.reduce((best, slot) => (slot.pending.size < best.pending.size ? slot : best));
  }

  #start(): Slot {
    const worker = new Worker(new URL('./worker.ts', import.meta.url));
    worker.unref();
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', ({ id, node, error }: { id: number; node?: HastNode; error?: string }) => {
      const pending = slot.pending.get(id);
      slot.pending.delete(id);
      if (slot.pending.size === 0) worker.unref();
      if (error !== undefined) pending?.reject(new Error(error));
      else pending?.resolve(node as HastNode);
    });
    worker.on('error', (error) => {
      // A crashed worker fails what it was doing; the next block starts a fresh one.
      for (const pending of slot.pending.values()) pending.reject(error);
      slot.pending.clear();
      this.#slots.splice(this.#slots.indexOf(slot), 1);
    });
    return slot;
  }
}

/**
 * The Sätteri hast plugin that highlights code blocks in worker threads: Astro's own highlight
 * plugin (same languages, meta handling and output), handed a worker pool instead of Shiki.
 */
export function highlightInWorkers(pool = new HighlightPool()): HastPluginDefinition {
  return satteriHighlightPlugin((code, lang, meta) => pool.highlight(code, lang, meta), undefined);
}
