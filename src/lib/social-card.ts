import type { Node } from '@takumi-rs/core';

/**
 * An article's social card (1200 × 630): the site's mark and name, the title, the description, the
 * date and the tags, in the article's language and the site's dark colours. This module builds the
 * node tree Takumi lays out and draws; src/content/social-cards.ts renders it to PNG.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardInput {
  site: string;
  title: string;
  description: string;
  /** The date as the article's language writes it. */
  date: string;
  /** Tag labels in the article's language, without "#". */
  tags: string[];
  /** BCP 47 language of the text, e.g. "zh-CN": it decides where lines may break. */
  lang: string;
}

export type CardNode = Node;

/** The font family the card is set in; src/content/social-cards.ts registers its files. */
export const CARD_FONT = 'Noto Sans SC';

export const CARD_COLOURS = {
  bg: '#101318',
  surface: '#181c23',
  text: '#e7e4df',
  muted: '#a7a198',
  lambda: '#fb9a57',
  fargate: '#8ab4ff',
} as const;

const CJK = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** The title's font size: smaller for longer titles, so that three lines hold every title. */
export function titleSize(title: string): number {
  // Han characters are about twice as wide as Latin letters.
  const width = [...title].reduce((n, ch) => n + (CJK.test(ch) ? 2 : 1), 0);
  return width <= 40 ? 68 : width <= 70 ? 58 : 50;
}

/** The site's mark (the favicon's λ), where the card's header shows it. */
export const MARK = { x: 72, y: 76, size: 56 } as const;
const MARK_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="1" y="1" width="30" height="30" rx="8" fill="#fb9a57"/><path d="M9 25 15.5 11.5 13.7 7.6H10V5h5.4L23.5 25h-3.1l-3.3-8.3L12.2 25z" fill="#101318"/></svg>';

type Style = NonNullable<Node['style']>;
const box = (style: Style, children: Node[]): Node => ({ type: 'container', style, children });
const text = (content: string, style: Style = {}): Node => ({ type: 'text', text: content, style });

/**
 * The card's node tree. Line breaking follows the text's language (Chinese breaks between
 * characters and keeps closing punctuation with the character before it); the title keeps to three
 * lines and the description to two, each ending in an ellipsis when cut.
 */
export function cardTree(input: CardInput): Node {
  const inner = CARD_WIDTH - 2 * MARK.x;
  const clamp = (lines: number): Style => ({ lineClamp: lines, overflow: 'hidden', width: inner });
  return {
    type: 'container',
    lang: input.lang,
    style: {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      padding: `64px ${MARK.x}px`,
      backgroundColor: CARD_COLOURS.bg,
      color: CARD_COLOURS.text,
      fontFamily: CARD_FONT,
      borderTop: `12px solid ${CARD_COLOURS.lambda}`,
      boxSizing: 'border-box',
    },
    children: [
      box({ display: 'flex', alignItems: 'center', gap: 20, fontSize: 32, fontWeight: 700 }, [
        {
          type: 'image',
          src: MARK_SVG,
          width: MARK.size,
          height: MARK.size,
          style: { width: MARK.size, height: MARK.size },
        },
        text(input.site, { color: CARD_COLOURS.lambda }),
      ]),
      box({ display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center', gap: 24, width: inner }, [
        text(input.title, {
          fontSize: titleSize(input.title),
          fontWeight: 700,
          lineHeight: 1.18,
          letterSpacing: -0.5,
          ...clamp(3),
        }),
        text(input.description, { fontSize: 30, color: CARD_COLOURS.muted, lineHeight: 1.4, ...clamp(2) }),
      ]),
      box(
        {
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          fontSize: 26,
          color: CARD_COLOURS.muted,
          width: inner,
          flexShrink: 0,
        },
        [
          text(input.date, { color: CARD_COLOURS.text }),
          ...input.tags.slice(0, 4).map((tag) =>
            text(`#${tag}`, {
              padding: '6px 16px',
              borderRadius: 999,
              backgroundColor: CARD_COLOURS.surface,
              color: CARD_COLOURS.fargate,
            }),
          ),
        ],
      ),
    ],
  };
}

/** What the build logs when it starts drawing cards: the build tests look for it before the first page. */
export const CARDS_STARTED = 'social cards: drawing';

/**
 * What the build logs when every card it started is drawn: how many, the wall time from the first
 * to the last, and the mean time one card took to draw. `npm run bench` reads it (its cards column).
 */
export function cardsDrawn(count: number, wallMs: number, drawMs: number): string {
  return `social cards: drew ${count} in ${(wallMs / 1000).toFixed(2)}s, ${(drawMs / Math.max(count, 1)).toFixed(1)}ms each`;
}
