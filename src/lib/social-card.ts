/**
 * An article's social card (1200 × 630): the site's mark and name, the title, the description, the
 * date and the tags, in the article's language and the site's dark colours. This module builds the
 * element tree Satori lays out; src/content/social-cards.ts renders it to PNG.
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
  /** BCP 47 language of the text, e.g. "zh-CN". */
  lang: string;
}

/** A Satori element: what JSX would produce, written as plain objects. */
export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: CardNode | CardNode[] | string; [key: string]: unknown };
}

const COLOURS = {
  bg: '#101318',
  surface: '#181c23',
  text: '#e7e4df',
  muted: '#a7a198',
  lambda: '#fb9a57',
  fargate: '#8ab4ff',
};

/** Closing punctuation that must not start a line, and opening punctuation that must not end one. */
const NO_BREAK_BEFORE = new Set([...'，。、：；！？）》」』”’…—%']);
const NO_BREAK_AFTER = new Set([...'（《「『“‘']);
const CJK = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/**
 * Inserts zero-width spaces between Chinese characters, so that the layout engine may break a line
 * there as a browser would, while Latin words stay whole and punctuation stays with its character.
 */
export function breakableText(text: string): string {
  const chars = [...text];
  let out = '';
  chars.forEach((ch, i) => {
    out += ch;
    const next = chars[i + 1];
    if (next === undefined) return;
    const cjkPair = CJK.test(ch) || CJK.test(next);
    if (cjkPair && ch !== ' ' && next !== ' ' && !NO_BREAK_BEFORE.has(next) && !NO_BREAK_AFTER.has(ch)) out += '\u200b';
  });
  return out;
}

/** The title's font size: smaller for longer titles, so that three lines hold every title. */
export function titleSize(title: string): number {
  // Han characters are about twice as wide as Latin letters.
  const width = [...title].reduce((n, ch) => n + (CJK.test(ch) ? 2 : 1), 0);
  return width <= 40 ? 68 : width <= 70 ? 58 : 50;
}

const el = (
  type: string,
  style: Record<string, string | number>,
  children?: CardNode['props']['children'],
): CardNode => ({
  type,
  props: children === undefined ? { style } : { style, children },
});

/** The site's mark (the favicon's λ), as an image Satori draws. */
const MARK = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="1" y="1" width="30" height="30" rx="8" fill="#fb9a57"/><path d="M9 25 15.5 11.5 13.7 7.6H10V5h5.4L23.5 25h-3.1l-3.3-8.3L12.2 25z" fill="#101318"/></svg>',
).toString('base64')}`;

/** The card's element tree for Satori. */
export function cardTree(input: CardInput): CardNode {
  const inner = CARD_WIDTH - 2 * 72;
  const clamp = (lines: number) => ({ display: 'block', lineClamp: lines, overflow: 'hidden', width: inner });
  return el(
    'div',
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      padding: '64px 72px',
      background: COLOURS.bg,
      color: COLOURS.text,
      fontFamily: 'Latin, Han',
      borderTop: `12px solid ${COLOURS.lambda}`,
      boxSizing: 'border-box',
    },
    [
      el('div', { display: 'flex', alignItems: 'center', gap: 20, fontSize: 32, fontWeight: 700 }, [
        { type: 'img', props: { src: MARK, width: 56, height: 56 } },
        el('span', { color: COLOURS.lambda }, input.site),
      ]),
      el(
        'div',
        { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center', gap: 24, width: inner },
        [
          el(
            'div',
            { fontSize: titleSize(input.title), fontWeight: 700, lineHeight: 1.18, letterSpacing: -0.5, ...clamp(3) },
            breakableText(input.title),
          ),
          el(
            'div',
            { fontSize: 30, color: COLOURS.muted, lineHeight: 1.4, ...clamp(2) },
            breakableText(input.description),
          ),
        ],
      ),
      el(
        'div',
        {
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          fontSize: 26,
          color: COLOURS.muted,
          width: inner,
          flexShrink: 0,
        },
        [
          el('span', { color: COLOURS.text }, input.date),
          ...input.tags
            .slice(0, 4)
            .map((tag) =>
              el(
                'span',
                { padding: '6px 16px', borderRadius: 999, background: COLOURS.surface, color: COLOURS.fargate },
                `#${tag}`,
              ),
            ),
        ],
      ),
    ],
  );
}

/** What the build logs when it starts drawing cards: the build tests look for it before the first page. */
export const CARDS_STARTED = 'social cards: drawing';
