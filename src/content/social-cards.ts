import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
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

/** The card of an article as PNG bytes. */
export async function renderCard(input: CardInput): Promise<Uint8Array<ArrayBuffer>> {
  fonts ??= loadFonts();
  const svg = await satori(cardTree(input) as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
  });
  // renderAsync draws on libuv's thread pool, so cards render while the build goes on.
  const image = await renderAsync(svg, { fitTo: { mode: 'original' } });
  return new Uint8Array(image.asPng());
}
