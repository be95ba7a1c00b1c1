import { Renderer } from '@takumi-rs/core';
import { describe, expect, it } from 'vitest';
import { cardRenderer, renderCard } from '../../src/content/social-cards';
import { pngSize } from '../../src/lib/ico';
import {
  CARD_COLOURS,
  CARD_HEIGHT,
  CARD_WIDTH,
  MARK,
  cardTree,
  titleSize,
  type CardNode,
} from '../../src/lib/social-card';

const texts = (node: CardNode): string[] =>
  node.type === 'text' ? [node.text] : node.type === 'container' ? (node.children ?? []).flatMap(texts) : [];

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe('social card', () => {
  it('shrinks long titles so that three lines hold them', () => {
    expect(titleSize('Short title')).toBe(68);
    expect(titleSize('A'.repeat(60))).toBe(58);
    expect(titleSize('整'.repeat(40))).toBe(50);
  });

  it('shows the site, title, description, date and at most four tags, in the text’s language', () => {
    const tree = cardTree({
      site: 'Lambda or Fargate',
      title: 'Title',
      description: 'Description',
      date: 'December 1, 2026',
      tags: ['a', 'b', 'c', 'd', 'e'],
      lang: 'en',
    });
    expect(texts(tree)).toEqual([
      'Lambda or Fargate',
      'Title',
      'Description',
      'December 1, 2026',
      '#a',
      '#b',
      '#c',
      '#d',
    ]);
    expect(tree.style).toMatchObject({ width: CARD_WIDTH, height: CARD_HEIGHT });
    expect(tree.lang).toBe('en');
  });

  it('draws the background, the mark and the text in the site’s colours', async () => {
    const tree = cardTree({ site: 'Site', title: 'Title', description: '', date: '1', tags: [], lang: 'en' });
    const pixels = await new Renderer().render(tree, { width: CARD_WIDTH, height: CARD_HEIGHT, format: 'raw' });
    const at = (x: number, y: number) => [...pixels.subarray((y * CARD_WIDTH + x) * 4, (y * CARD_WIDTH + x) * 4 + 3)];
    expect(at(600, 4)).toEqual(rgb(CARD_COLOURS.lambda)); // the top border
    expect(at(1150, 600)).toEqual(rgb(CARD_COLOURS.bg));
    // The mark's orange square, near its top-left corner (inside its rounded corner).
    expect(at(MARK.x + 10, MARK.y + 10)).toEqual(rgb(CARD_COLOURS.lambda));
  });

  it('draws Chinese with the npm font, not as boxes for missing glyphs', async () => {
    const { readFileSync } = await import('node:fs');
    const node: CardNode = { type: 'text', text: '整体账单', lang: 'zh-CN', style: { fontSize: 40, color: '#fff' } };
    const options = { width: 200, height: 60, format: 'raw' as const };
    const drawn = await (await cardRenderer()).render(node, options);
    const latinOnly = new Renderer();
    await latinOnly.registerFont({
      name: 'Latin',
      data: readFileSync('node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff2'),
    });
    const boxes = await latinOnly.render(node, options);
    expect(Buffer.from(drawn).equals(Buffer.from(boxes))).toBe(false);
    // Each character fills a 40-pixel cell: missing glyphs are the same box four times over.
    const cell = (pixels: Uint8Array, n: number) =>
      Buffer.concat(
        Array.from({ length: 60 }, (_, y) => pixels.subarray((y * 200 + n * 40) * 4, (y * 200 + n * 40 + 40) * 4)),
      );
    expect(cell(boxes, 0).equals(cell(boxes, 1))).toBe(true);
    expect(cell(drawn, 0).equals(cell(drawn, 1))).toBe(false);
  });

  it('renders a Chinese card to a 1200 × 630 PNG', async () => {
    const png = await renderCard({
      site: 'Lambda 还是 Fargate',
      title: '整体账单：把入口、NAT 和 IPv4 都算进 Lambda 与 Fargate',
      description: '把 API Gateway、ALB、函数 URL 加进三种工作负载重新算账。',
      date: '2026年12月1日',
      tags: ['成本', 'Lambda'],
      lang: 'zh-CN',
    });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    // A card with text drawn is over ten kilobytes; an empty dark rectangle would be a few hundred bytes.
    expect(png.length).toBeGreaterThan(10_000);
  }, 20_000);
});

describe('drawn cards kept between builds', () => {
  it('reuses a card whose text and design are unchanged, from node_modules/.astro/social-cards', async () => {
    const { readdirSync, existsSync, rmSync } = await import('node:fs');
    const dir = 'node_modules/.astro/social-cards';
    const input = {
      site: 'Lambda or Fargate',
      title: `A card kept between builds ${process.pid}`,
      description: 'Drawn once.',
      date: 'December 3, 2026',
      tags: ['lambda'],
      lang: 'en',
    };
    const listed = () => new Set(existsSync(dir) ? readdirSync(dir) : []);
    const seen = listed();
    const before = seen.size;
    const first = await renderCard(input);
    expect(readdirSync(dir).length).toBe(before + 1);
    const second = await renderCard(input);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(readdirSync(dir).length).toBe(before + 1);
    for (const name of listed()) if (!seen.has(name)) rmSync(`${dir}/${name}`);
  }, 20_000);
});

describe('cards drawn in the background', () => {
  it('serves each card prepared ahead, and keeps it: the same bytes as reading or drawing it now', async () => {
    const { prepareCards, cardFor } = await import('../../src/content/social-cards');
    const { readdirSync, rmSync, existsSync } = await import('node:fs');
    const dir = 'node_modules/.astro/social-cards';
    const seen = new Set(existsSync(dir) ? readdirSync(dir) : []);
    const inputs = ['first', 'second', 'third'].map((word) => ({
      site: 'Lambda or Fargate',
      title: `Prepared card ${word} ${process.pid}`,
      description: 'Drawn in the background.',
      date: 'December 3, 2026',
      tags: ['lambda'],
      lang: 'en',
    }));
    prepareCards(inputs);
    const cards = await Promise.all(inputs.map(cardFor));
    // Each is kept on disk, written in the background, for the next build.
    const added = () => readdirSync(dir).filter((name) => !seen.has(name) && name.endsWith('.png'));
    await expect.poll(() => added().length).toBe(3);
    for (const [i, input] of inputs.entries()) {
      expect(Buffer.from(cards[i]!).equals(Buffer.from(await renderCard(input)))).toBe(true);
    }
    expect(Buffer.from(cards[0]!).equals(Buffer.from(cards[1]!))).toBe(false);
    for (const name of added()) rmSync(`${dir}/${name}`);
  }, 20_000);
});
