import { describe, expect, it } from 'vitest';
import { renderCard } from '../../src/content/social-cards';
import { pngSize } from '../../src/lib/ico';
import { breakableText, cardTree, titleSize, type CardNode } from '../../src/lib/social-card';

const texts = (node: CardNode | string): string[] =>
  typeof node === 'string'
    ? [node]
    : [node.props.children ?? []].flat().flatMap((child) => texts(child as CardNode | string));

describe('social card', () => {
  it('lets lines break between Chinese characters, never inside a Latin word or before closing punctuation', () => {
    expect(breakableText('整体账单：Lambda 与 Fargate')).toBe('整\u200b体\u200b账\u200b单：\u200bLambda 与 Fargate');
    expect(breakableText('Plain English title')).toBe('Plain English title');
    expect(breakableText('（括号）')).toBe('（括\u200b号）');
  });

  it('shrinks long titles so that three lines hold them', () => {
    expect(titleSize('Short title')).toBe(68);
    expect(titleSize('A'.repeat(60))).toBe(58);
    expect(titleSize('整'.repeat(40))).toBe(50);
  });

  it('shows the site, title, description, date and at most four tags', () => {
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
    expect(tree.props.style).toMatchObject({ width: 1200, height: 630 });
  });

  it('renders a Chinese card to a 1200 × 630 PNG with the npm font', async () => {
    const png = await renderCard({
      site: 'Lambda 还是 Fargate',
      title: '整体账单：把入口、NAT 和 IPv4 都算进 Lambda 与 Fargate',
      description: '把 API Gateway、ALB、函数 URL 加进三种工作负载重新算账。',
      date: '2026年12月1日',
      tags: ['成本', 'Lambda'],
      lang: 'zh-CN',
    });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    // A card with text drawn is tens of kilobytes; an empty dark rectangle would be a few hundred bytes.
    expect(png.length).toBeGreaterThan(20_000);
  }, 20_000);
});

describe('PNG encoding', () => {
  it('writes a PNG that reads back at its size, with one IDAT of deflated rows', async () => {
    const { encodePng } = await import('../../src/lib/png');
    const { inflateSync } = await import('node:zlib');
    const rgba = new Uint8Array(3 * 2 * 4).fill(200);
    const png = await encodePng(3, 2, rgba);
    expect(pngSize(png)).toEqual({ width: 3, height: 2 });
    const idat = Buffer.from(png).indexOf('IDAT');
    const length = Buffer.from(png).readUInt32BE(idat - 4);
    const rows = inflateSync(Buffer.from(png).subarray(idat + 4, idat + 4 + length));
    expect([...rows]).toEqual([0, ...new Array(12).fill(200), 0, ...new Array(12).fill(200)]);
    await expect(encodePng(3, 2, new Uint8Array(5))).rejects.toThrow('expected 24 bytes of RGBA');
  });
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
