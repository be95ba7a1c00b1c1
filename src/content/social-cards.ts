import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Renderer } from '@takumi-rs/core';
import { writeFileAtomic } from '../integrations/build-cache';
import {
  CARD_FONT,
  CARD_HEIGHT,
  CARD_WIDTH,
  CARDS_STARTED,
  cardsDrawn,
  cardTree,
  type CardInput,
} from '../lib/social-card';

/**
 * Renders social cards to PNG with Takumi, which lays the card out, draws it and encodes it in
 * native code on libuv's thread pool, off the JavaScript thread. The font is Noto Sans SC from npm
 * (@fontsource/noto-sans-sc: its Latin and simplified-Chinese subsets), so nothing is fetched.
 * Satori with resvg, what Astro themes use, took about 67 ms of CPU a card here (39 ms without
 * resvg's system-font scan); Takumi takes about 12 ms (docs/performance.md).
 */

const require = createRequire(import.meta.url);
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
 * what they show and of how they are drawn: the node tree of a sample card, the drawing function
 * and Takumi's version, so a new design or renderer draws every card again. A code change makes
 * Astro render every page again; unchanged cards are then read, not drawn.
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
  design ??= JSON.stringify(cardTree(SAMPLE)) + String(drawCard) + takumiVersion();
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
  const png = await (
    await cardRenderer()
  ).render(cardTree(input), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    format: 'png',
  });
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
 * Cards being drawn in the background, by their input: each settles to the file the card was kept
 * in, so that a drawn card waits on disk rather than in memory until its page asks for it (at
 * 10,000 articles, some 300 MB), or to the card's bytes when it could not be kept.
 */
const prepared = new Map<string, Promise<string | Uint8Array<ArrayBuffer>>>();
const keyOf = (input: CardInput) => JSON.stringify(input);

/** What prepareCards drew: how many, and the time spent drawing them. */
interface Drawing {
  count: number;
  drawMs: number;
}

async function prepare(input: CardInput, drawing: Drawing): Promise<string | Uint8Array<ArrayBuffer>> {
  const path = cachePath(input);
  // Kept by an earlier build: nothing to draw.
  if (existsSync(path)) return path;
  const started = performance.now();
  const png = await drawCard(input);
  drawing.count++;
  drawing.drawMs += performance.now() - started;
  return keep(path, png) ? path : png;
}

/**
 * Starts drawing every card in the background as soon as the card route lists its paths: Astro
 * lists every route's paths before it renders any page, so the cards are drawn on the thread pool
 * while the pages render on the JavaScript thread, and each card's request then finds it ready
 * (cardFor). `lanes` cards are drawn at once; two keep one core busy, since Takumi itself draws on
 * more than one thread, and leave the other to the pages.
 */
export function prepareCards(inputs: CardInput[], lanes = 2): void {
  const queue = inputs.filter((input) => !prepared.has(keyOf(input)));
  const waiting = new Map<
    string,
    { resolve: (card: string | Uint8Array<ArrayBuffer>) => void; reject: (e: unknown) => void }
  >();
  for (const input of queue) {
    prepared.set(keyOf(input), new Promise((resolve, reject) => waiting.set(keyOf(input), { resolve, reject })));
  }
  let next = 0;
  const drawing: Drawing = { count: 0, drawMs: 0 };
  const lane = async () => {
    while (next < queue.length) {
      const input = queue[next++]!;
      const done = waiting.get(keyOf(input))!;
      try {
        done.resolve(await prepare(input, drawing));
      } catch (error) {
        done.reject(error);
      }
    }
  };
  if (queue.length === 0) return;
  console.info(`${CARDS_STARTED} ${queue.length} social cards in the background`);
  const started = performance.now();
  void Promise.all(Array.from({ length: Math.min(lanes, queue.length) }, lane)).then(() => {
    if (drawing.count > 0) console.info(cardsDrawn(drawing.count, performance.now() - started, drawing.drawMs));
  });
}

/** The card of an article: the one prepareCards started, or drawn now. */
export async function cardFor(input: CardInput): Promise<Uint8Array<ArrayBuffer>> {
  const card = await prepared.get(keyOf(input));
  if (card === undefined) return renderCard(input);
  return typeof card === 'string' ? new Uint8Array(readFileSync(card)) : card;
}
