import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Renderer, type RenderOptions } from '@takumi-rs/core';
import type { Loader } from 'astro/loaders';
import { writeFileAtomic } from '../integrations/build-cache';
import { formatDate } from '../lib/dates';
import { htmlLang, tagLabel } from '../lib/i18n';
import { toPost, type Post, type PostSource } from '../lib/posts';
import {
  CARD_FONT,
  CARD_HEIGHT,
  CARD_WIDTH,
  CARDS_STARTED,
  cardsDrawn,
  cardTree,
  type CardInput,
} from '../lib/social-card';
import { siteConfig } from '../site.config';

/**
 * Renders social cards to PNG with Takumi, which lays the card out, draws it and encodes it in
 * native code on libuv's thread pool, off the JavaScript thread. The font is Noto Sans SC from npm
 * (@fontsource/noto-sans-sc: its Latin and simplified-Chinese subsets), so nothing is fetched.
 * Satori with resvg, what Astro themes use, took about 67 ms of CPU a card here (39 ms without
 * resvg's system-font scan); Takumi takes about 12 ms (docs/performance.md).
 */

/** What an article's card shows. */
export function cardOf(post: Post): CardInput {
  return {
    site: siteConfig.title[post.locale],
    title: post.title,
    description: post.description,
    date: formatDate(post.pubDate, post.locale),
    tags: post.tags.map((tag) => tagLabel(tag, post.locale)),
    lang: htmlLang[post.locale],
  };
}

const require = createRequire(import.meta.url);
const RENDER = { width: CARD_WIDTH, height: CARD_HEIGHT, format: 'png' } as const satisfies RenderOptions;
let renderer: Promise<Renderer> | undefined;

/** The renderer, with the card's font registered (once per build; registering is asynchronous). */
export function cardRenderer(): Promise<Renderer> {
  renderer ??= (async () => {
    const dir = require.resolve('@fontsource/noto-sans-sc/package.json').replace(/package\.json$/, 'files/');
    const card = new Renderer();
    for (const subset of ['latin', 'chinese-simplified'])
      for (const weight of [400, 700])
        await card.registerFont({
          name: CARD_FONT,
          data: readFileSync(`${dir}noto-sans-sc-${subset}-${weight}-normal.woff2`),
          weight,
          style: 'normal',
        });
    return card;
  })();
  return renderer;
}

/**
 * Drawn cards, kept in Astro's cache folder (the build runs from the project root) by a hash of
 * what they show and of how they are drawn: the node tree of a sample card, the render options and
 * Takumi's version, so a new design or renderer draws every card again. A code change makes Astro
 * render every page again; unchanged cards are then read, not drawn.
 */
const CACHE = join(process.cwd(), 'node_modules/.astro/social-cards');
const SAMPLE: CardInput = { site: 's', title: 't', description: 'd', date: '1', tags: ['a'], lang: 'l' };
let design: string | undefined;

/** Takumi's version, from its package.json (which the package does not export). */
function takumiVersion(): string {
  const entry = require.resolve('@takumi-rs/core');
  const manifest = join(entry.slice(0, entry.lastIndexOf('/dist/')), 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

function cachePath(input: CardInput): string {
  design ??= JSON.stringify([cardTree(SAMPLE), RENDER, takumiVersion()]);
  return join(CACHE, `${createHash('sha1').update(design).update(JSON.stringify(input)).digest('hex')}.png`);
}

/** Keeps a drawn card; written whole by a rename. Returns false when it could not be kept. */
function keep(path: string, png: Uint8Array): boolean {
  try {
    writeFileAtomic(path, png);
    return true;
  } catch {
    // A read-only or full disk: the card is still served, from memory.
    return false;
  }
}

/** Lays a card out, draws it and encodes it as PNG. */
async function drawCard(input: CardInput): Promise<Uint8Array<ArrayBuffer>> {
  const png = await (await cardRenderer()).render(cardTree(input), RENDER);
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/** The card of an article as PNG bytes: kept from an earlier build, or drawn now. */
export async function renderCard(input: CardInput): Promise<Uint8Array<ArrayBuffer>> {
  const path = cachePath(input);
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    const png = await drawCard(input);
    keep(path, png);
    return png;
  }
}

/**
 * Cards are drawn in the background from two places: the content loader starts an article's card
 * as soon as the article is loaded (withSocialCards), so that most are drawn, one at a time, while
 * the content syncs and Vite bundles; the card route starts any others when it lists its paths
 * (prepareCards). A card settles to the file it was kept in, so that it waits on disk rather than
 * in memory until its page asks for it (cardFor), or to its bytes when it could not be kept.
 *
 * The loader and the route are loaded as two copies of this module (Astro loads the content config
 * apart from the bundle that renders pages), so the queue lives on globalThis.
 */
interface Queue {
  /** Cards not yet started, in the order they will be drawn. */
  waiting: CardInput[];
  prepared: Map<string, Promise<string | Uint8Array<ArrayBuffer>>>;
  settle: Map<string, { resolve: (card: string | Uint8Array<ArrayBuffer>) => void; reject: (e: unknown) => void }>;
  /** Cards drawn at once, and how many are drawing now. */
  lanes: number;
  running: number;
  /** Since the queue last went from idle to busy: cards drawn, time spent drawing, and when. */
  drawn: number;
  drawMs: number;
  since: number;
}

const QUEUE = Symbol.for('lambda-or-fargate:social-cards');
const queue: Queue = ((globalThis as Record<symbol, Queue | undefined>)[QUEUE] ??= {
  waiting: [],
  prepared: new Map(),
  settle: new Map(),
  lanes: 1,
  running: 0,
  drawn: 0,
  drawMs: 0,
  since: 0,
});

const keyOf = (input: CardInput) => JSON.stringify(input);

async function lane(): Promise<void> {
  for (let input = queue.waiting.shift(); input; input = queue.waiting.shift()) {
    const done = queue.settle.get(keyOf(input))!;
    queue.settle.delete(keyOf(input));
    try {
      const path = cachePath(input);
      // Kept by an earlier build: nothing to draw.
      if (existsSync(path)) {
        done.resolve(path);
        continue;
      }
      const started = performance.now();
      const png = await drawCard(input);
      queue.drawn++;
      queue.drawMs += performance.now() - started;
      done.resolve(keep(path, png) ? path : png);
    } catch (error) {
      done.reject(error);
    }
  }
  if (--queue.running === 0 && queue.drawn > 0) {
    console.info(cardsDrawn(queue.drawn, performance.now() - queue.since, queue.drawMs));
    queue.drawn = 0;
    queue.drawMs = 0;
  }
}

/** Queues the cards not already queued or drawn in this process; returns how many it queued. */
function enqueue(inputs: CardInput[]): number {
  let added = 0;
  for (const input of inputs) {
    const key = keyOf(input);
    if (queue.prepared.has(key)) continue;
    queue.prepared.set(key, new Promise((resolve, reject) => queue.settle.set(key, { resolve, reject })));
    queue.waiting.push(input);
    added++;
  }
  if (added > 0 && queue.running === 0) queue.since = performance.now();
  while (queue.running < queue.lanes && queue.waiting.length > 0) {
    queue.running++;
    void lane();
  }
  return added;
}

/**
 * Starts drawing the cards of the route's articles that the loader did not start, and draws the
 * ones still waiting in the order the route lists them, two at a time. Astro lists every route's
 * paths before it renders any page, and renders a route's pages in the order listed, so the card
 * pages find their cards as they come, and what is left is drawn on both cores while the loader,
 * which needed one of them, is done.
 */
export function prepareCards(inputs: CardInput[]): void {
  const listed = new Set(inputs.map(keyOf));
  const waiting = new Set(queue.waiting.map(keyOf));
  queue.waiting = [
    ...inputs.filter((input) => waiting.has(keyOf(input))),
    ...queue.waiting.filter((input) => !listed.has(keyOf(input))),
  ];
  queue.lanes = 2;
  const added = enqueue(inputs);
  console.info(
    `${CARDS_STARTED} ${added} more social cards in the background (${inputs.length - added} already started)`,
  );
}

/** The card of an article: the one started in the background, or drawn now. */
export async function cardFor(input: CardInput): Promise<Uint8Array<ArrayBuffer>> {
  const card = await queue.prepared.get(keyOf(input));
  if (card === undefined) return renderCard(input);
  return typeof card === 'string' ? new Uint8Array(readFileSync(card)) : card;
}

/**
 * Wraps the articles' loader so that each article's card starts drawing when the article is
 * loaded. Drafts, and entries whose path the content check will reject, are skipped.
 */
export function withSocialCards(inner: Loader): Loader {
  return {
    ...inner,
    name: `${inner.name}+social-cards`,
    load: (context) =>
      inner.load({
        ...context,
        store: {
          ...context.store,
          set: (entry) => {
            const stored = context.store.set(entry);
            const data = entry.data as PostSource['data'];
            if (!data.draft) {
              try {
                enqueue([cardOf(toPost({ id: entry.id, path: entry.id, readingMinutes: 0, data }))]);
              } catch {
                // A misplaced file: the content check names it and fails the build.
              }
            }
            return stored;
          },
        },
      }),
  };
}
