import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import { encodePng } from '../lib/png';
import { CARD_HEIGHT, CARD_WIDTH, cardTree, type CardInput } from '../lib/social-card';

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
 * Drawn cards, by a hash of their SVG, in Astro's cache folder (the build runs from the project
 * root). A code change makes Astro render every page again; the SVG of an unchanged card is the
 * same, so drawing it, two thirds of a card's cost, is skipped. A new design changes the SVG.
 */
const CACHE = join(process.cwd(), 'node_modules/.astro/social-cards');

function cached(svg: string): { path: string; png?: Uint8Array<ArrayBuffer> } {
  const path = join(CACHE, `${createHash('sha1').update(svg).digest('hex')}.png`);
  try {
    return { path, png: new Uint8Array(readFileSync(path)) };
  } catch {
    return { path };
  }
}

/** Keeps a drawn card; written whole by a rename, and a failure to keep it only costs a redraw. */
function keep(path: string, png: Uint8Array): void {
  try {
    mkdirSync(CACHE, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, png);
    renameSync(temporary, path);
  } catch {
    // A read-only or full disk: the card is still served.
  }
}

/** The card of an article as PNG bytes. */
export async function renderCard(input: CardInput): Promise<Uint8Array<ArrayBuffer>> {
  fonts ??= loadFonts();
  const svg = await satori(cardTree(input) as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
  });
  const hit = cached(svg);
  if (hit.png) return hit.png;
  // renderAsync draws on libuv's thread pool: with the build's concurrency, several cards are
  // drawn at once while pages render (astro.config.mjs).
  const image = await renderAsync(svg, { fitTo: { mode: 'original' } });
  const png = encodePng(image.width, image.height, image.pixels);
  keep(hit.path, png);
  return png;
}
