import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Renderer, setGlyphCacheMaxBytes, type RenderOptions } from '@takumi-rs/core';
import pLimit from 'p-limit';
import { writeFileAtomic, writeFileAtomicAsync } from '../integrations/build-cache';
import { formatDate } from '../lib/dates';
import { htmlLang, tagLabel } from '../lib/i18n';
import type { Post } from '../lib/posts';
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
    // Room for the outlines of a few thousand Chinese characters (the default holds about a
    // thousand), so that a build's cards do not draw the same glyphs again and again.
    setGlyphCacheMaxBytes(32 << 20);
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

const keyOf = (input: CardInput) => JSON.stringify(input);

/** The kept file of the card whose input has this key (keyOf). */
function cachePath(key: string): string {
  design ??= JSON.stringify([cardTree(SAMPLE), RENDER, takumiVersion()]);
  return join(CACHE, `${createHash('sha1').update(design).update(key).digest('hex')}.png`);
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
  const path = cachePath(keyOf(input));
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    const png = await drawCard(input);
    keep(path, png);
    return png;
  }
}

/**
 * Cards are drawn in the background, a few at a time, from the moment the card route lists its paths
 * (prepareCards): Astro lists every route's paths before it renders any page, and renders a route's
 * pages in the order listed, so each card page finds its card drawn or next in line (cardFor). A
 * drawn card waits in memory only until it is kept on disk, written on the thread pool: at 10,000
 * articles, holding every card would take some 300 MB.
 */
interface PreparedCard {
  path: string;
  /** Settles once the card is drawn, or found kept by an earlier build. */
  ready: Promise<void>;
  /** The drawn card, until it is kept on disk (or for good when it cannot be). */
  png?: Uint8Array<ArrayBuffer> | undefined;
}

const prepared = new Map<string, PreparedCard>();

/** Draws a card unless an earlier build kept it; keeps it, and holds its bytes until it is kept. */
async function prepare(input: CardInput, card: PreparedCard, drawing: { count: number; drawMs: number }) {
  if (existsSync(card.path)) return;
  const started = performance.now();
  card.png = await drawCard(input);
  drawing.count++;
  drawing.drawMs += performance.now() - started;
  // Kept: the page reads it back. Not kept (a read-only or full disk): it stays in memory.
  void writeFileAtomicAsync(card.path, card.png).then(
    () => (card.png = undefined),
    () => undefined,
  );
}

/**
 * Starts drawing the cards of the route's articles, in the route's order, `lanes` at a time. Takumi
 * draws a card on one thread of libuv's pool: two keep both cores busy while the card pages wait
 * for them (three or four were no faster at 1,000 articles), and leave pool threads for the files
 * Astro writes meanwhile.
 */
export function prepareCards(inputs: CardInput[], lanes = 2): void {
  const queue = inputs.filter((input) => !prepared.has(keyOf(input)));
  if (queue.length === 0) return;
  console.info(`${CARDS_STARTED} ${queue.length} social cards in the background`);
  const limit = pLimit(lanes);
  const drawing = { count: 0, drawMs: 0 };
  const started = performance.now();
  const readies = queue.map((input) => {
    const key = keyOf(input);
    const card: PreparedCard = { path: cachePath(key), ready: Promise.resolve() };
    // p-limit starts the drawings in the order they are asked for: the route's.
    card.ready = limit(() => prepare(input, card, drawing));
    // A card whose page Astro restores from its cache is never asked for: its failure is not the build's.
    card.ready.catch(() => undefined);
    prepared.set(key, card);
    return card.ready;
  });
  void Promise.allSettled(readies).then(() => {
    if (drawing.count > 0) console.info(cardsDrawn(drawing.count, performance.now() - started, drawing.drawMs));
  });
}

/** The card of an article: the one started in the background, or drawn now. */
export async function cardFor(input: CardInput): Promise<Uint8Array<ArrayBuffer>> {
  const card = prepared.get(keyOf(input));
  if (card === undefined) return renderCard(input);
  await card.ready;
  return card.png ?? new Uint8Array(readFileSync(card.path));
}
