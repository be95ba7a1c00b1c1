import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { satteriHighlightPlugin } from '@astrojs/markdown-satteri';
import type { HastPluginEntry } from 'satteri';
import type { HighlightRequest } from './worker';

type HastNode = Awaited<ReturnType<Parameters<typeof satteriHighlightPlugin>[0]>>;

interface Pending {
  resolve: (node: HastNode) => void;
  reject: (error: Error) => void;
}

interface HighlightResponse {
  id: number;
  node?: HastNode;
  html?: string;
  error?: string;
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
  readonly #idleMs: number;
  readonly #slots: Slot[] = [];
  #nextId = 0;
  #idleTimer: NodeJS.Timeout | undefined;

  /**
   * @param size most workers at once (one per core, up to 4)
   * @param idleMs workers stop after this long without work, so their memory (a Shiki instance
   *   each) is free while the build renders pages; the next block starts them again
   */
  constructor(size = Math.min(4, availableParallelism()), idleMs = 2000) {
    this.#size = Math.max(1, size);
    this.#idleMs = idleMs;
  }

  /** Workers running now (for tests). */
  get running(): number {
    return this.#slots.length;
  }

  /**
   * Highlights one block; workers start on first use. As `html`, the block comes back as one raw
   * HTML node: the worker serializes it, and the Markdown processor passes it through instead of
   * taking in a few hundred token nodes one by one on this thread.
   */
  highlight(code: string, lang: string, meta?: string, as: HighlightRequest['as'] = 'hast'): Promise<HastNode> {
    clearTimeout(this.#idleTimer);
    const slot = this.#leastBusy();
    const id = this.#nextId++;
    return new Promise<HastNode>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      // A busy worker keeps the process alive; an idle one must not hold it open at exit.
      slot.worker.ref();
      slot.worker.postMessage({ id, code, lang, meta, as } satisfies HighlightRequest);
    });
  }

  /** Stops the workers (the next highlight starts new ones). */
  async close(): Promise<void> {
    clearTimeout(this.#idleTimer);
    const slots = this.#slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  /** The worker with the shortest queue; another one starts only once every queue has a backlog. */
  #leastBusy(): Slot {
    const best = this.#slots.reduce<Slot | undefined>(
      (b, slot) => (!b || slot.pending.size < b.pending.size ? slot : b),
      undefined,
    );
    if (best && (best.pending.size < 4 || this.#slots.length >= this.#size)) return best;
    const started = this.#start();
    this.#slots.push(started);
    return started;
  }

  #settled(slot: Slot): void {
    if (slot.pending.size > 0) return;
    slot.worker.unref();
    if (this.#slots.every((s) => s.pending.size === 0)) {
      this.#idleTimer = setTimeout(() => void this.close(), this.#idleMs);
      this.#idleTimer.unref();
    }
  }

  #start(): Slot {
    const worker = new Worker(new URL('./worker.ts', import.meta.url));
    worker.unref();
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', ({ id, node, html, error }: HighlightResponse) => {
      const pending = slot.pending.get(id);
      slot.pending.delete(id);
      // hast has no type for raw HTML; Sätteri takes { type: 'raw', value } and writes it as it is.
      const raw = html === undefined ? undefined : ({ type: 'raw', value: html } as unknown as HastNode);
      if (error !== undefined) pending?.reject(new Error(error));
      else pending?.resolve(raw ?? (node as HastNode));
      this.#settled(slot);
    });
    worker.on('error', (error) => {
      // A crashed worker fails what it was doing; the next block starts a fresh one.
      for (const pending of slot.pending.values()) pending.reject(error);
      slot.pending.clear();
      const index = this.#slots.indexOf(slot);
      if (index !== -1) this.#slots.splice(index, 1);
    });
    return slot;
  }
}

/**
 * The Sätteri hast plugin that highlights code blocks in worker threads: Astro's own highlight
 * plugin (same languages, meta handling and output), handed a worker pool instead of Shiki.
 * Markdown takes each block as raw HTML. MDX compiles to JSX, which has no raw HTML, so it takes
 * the tree.
 */
export function highlightInWorkers(pool = new HighlightPool()): HastPluginEntry {
  return ({ sourceFormat }) => {
    const as = sourceFormat === 'markdown' ? 'html' : 'hast';
    return satteriHighlightPlugin((code, lang, meta) => pool.highlight(code, lang, meta, as), undefined);
  };
}
