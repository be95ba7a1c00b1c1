import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import { writeFileAtomic } from '../integrations/build-cache';
import { encodePng } from '../lib/png';
import { CARD_HEIGHT, CARD_WIDTH, CARDS_STARTED, cardTree, type CardInput } from '../lib/social-card';

/**
 * Renders social cards to PNG: Satori lays the card out with Noto Sans SC, installed from npm
 * (@fontsource/noto-sans-sc: its Latin and simplified-Chinese subsets, so no font is fetched), and
 * resvg draws it. Fonts are read once per build.
 */

let fonts: Font[] | undefined;

function loadFonts(): Font[] {
  const require = createRequire(import.meta.url);
  const dir = require.resolve('@fontsource/noto-sans-sc/package.json').replace(/package\.json$/, 'files/');
  const font = (name: string, subset: string, weight: 400 | 700): Font => ({
    name,
    data: readFileSync(`${dir}noto-sans-sc-${subset}-${weight}-normal.woff`),
    weight,
    style: 'normal',
  });
  return [
    font('Latin', 'latin', 400),
    font('Latin', 'latin', 700),
    font('Han', 'chinese-simplified', 400),
    font('Han', 'chinese-simplified', 700),
  ];
}

/**
 * Drawn cards, kept in Astro's cache folder (the build runs from the project root) by a hash of
 * what they show and of how they are drawn: the element tree of a sample card and the source of
 * the drawing functions, so a new design or renderer draws every card again. A code change makes
 * Astro render every page again; unchanged cards are then read, not drawn.
 */
const CACHE = join(process.cwd(), 'node_modules/.astro/social-cards');
const SAMPLE: CardInput = { site: 's', title: 't', description: 'd', date: '1', tags: ['a'], lang: 'l' };
let design: string | undefined;

function cachePath(input: CardInput): string {
  design ??= JSON.stringify(cardTree(SAMPLE)) + String(drawCard) + String(encodePng);
  return join(CACHE, `${createHash('sha1').update(design).update(JSON.stringify(input)).digest('hex')}.png`);
}

/** Keeps a drawn card; written whole by a rename, and a failure to keep it only costs a redraw. */
function keep(path: string, png: Uint8Array): void {
  try {
    writeFileAtomic(path, png);
  } catch {
    // A read-only or full disk: the card is still served.
  }
}

/** Lays a card out and draws it. */
async function drawCard(input: CardInput): Promise<Uint8Array<ArrayBuffer>> {
  fonts ??= loadFonts();
  const svg = await satori(cardTree(input) as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
  });
  // renderAsync draws on libuv's thread pool, off the JavaScript thread.
  const image = await renderAsync(svg, { fitTo: { mode: 'original' } });
  return encodePng(image.width, image.height, image.pixels);
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

/** Cards being drawn, by their input, started by prepareCards. */
const prepared = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
const keyOf = (input: CardInput) => JSON.stringify(input);

/**
 * Starts drawing every card in the background, a few at a time, as soon as the card route lists
 * its paths: Astro lists every route's paths before it renders any page, so the cards are drawn on
 * the thread pool while the pages render on the JavaScript thread, and each card's request then
 * finds it ready (cardFor). Pages are still rendered one at a time, in order.
 */
export function prepareCards(inputs: CardInput[], parallel = 4): void {
  const queue = inputs.filter((input) => !prepared.has(keyOf(input)));
  const waiting = new Map<string, { resolve: (png: Uint8Array<ArrayBuffer>) => void; reject: (e: unknown) => void }>();
  for (const input of queue) {
    prepared.set(keyOf(input), new Promise((resolve, reject) => waiting.set(keyOf(input), { resolve, reject })));
  }
  let next = 0;
  const lane = async () => {
    while (next < queue.length) {
      const input = queue[next++]!;
      const done = waiting.get(keyOf(input))!;
      try {
        done.resolve(await renderCard(input));
      } catch (error) {
        done.reject(error);
      }
    }
  };
  if (queue.length > 0) console.info(`${CARDS_STARTED} ${queue.length} social cards in the background`);
  for (let i = 0; i < Math.min(parallel, queue.length); i++) void lane();
}

/** The card of an article: the one prepareCards started, or drawn now. */
export function cardFor(input: CardInput): Promise<Uint8Array<ArrayBuffer>> {
  return prepared.get(keyOf(input)) ?? renderCard(input);
}
