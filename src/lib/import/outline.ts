import { plainText } from './text';

/**
 * The shape of a Markdown body that titles and descriptions are taken from: headings, the first
 * line and the first paragraph, all outside fenced code.
 */

const ATX = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const FENCE = /^\s*(`{3,}|~{3,})/;

/** A line of a body, by its index (0-based) in the body. */
export interface BodyLine {
  text: string;
  index: number;
}

/** An ATX heading as plain text. */
export interface Heading {
  level: number;
  text: string;
  index: number;
}

/** The headings of a body and its first non-blank line. */
export interface Outline {
  headings: Heading[];
  /** First non-blank line: as plain text, its heading level (0 if none), and whether a blank line follows. */
  first?: { text: string; index: number; level: number; standalone: boolean };
}

/** Lines of a body that are outside fenced code, with their index. */
export function proseLines(body: string): BodyLine[] {
  const out: BodyLine[] = [];
  let fence: string | undefined;
  body.split('\n').forEach((text, index) => {
    const match = FENCE.exec(text);
    if (fence) {
      if (match && match[1]!.startsWith(fence)) fence = undefined;
      return;
    }
    if (match) {
      fence = match[1]!;
      return;
    }
    out.push({ text, index });
  });
  return out;
}

/** Headings and the first line of a body. */
export function outlineOf(body: string): Outline {
  const lines = proseLines(body);
  const all = body.split('\n');
  const headings = lines.flatMap((l) => {
    const m = ATX.exec(l.text);
    const text = m ? plainText(m[2]!) : '';
    return m && text ? [{ level: m[1]!.length, text, index: l.index }] : [];
  });
  const line = lines.find((l) => l.text.trim() !== '');
  if (!line) return { headings };
  const heading = headings.find((h) => h.index === line.index);
  const next = all[line.index + 1];
  return {
    headings,
    first: {
      text: heading?.text ?? plainText(line.text),
      index: line.index,
      level: heading?.level ?? 0,
      standalone: next === undefined || next.trim() === '',
    },
  };
}

/** The first paragraph of prose in a Markdown body (not a heading, list, quote, table or image), as plain text. */
export function firstParagraph(body: string): string {
  const blocks: string[][] = [];
  let current: string[] = [];
  let previous = -2;
  for (const { text, index } of proseLines(body)) {
    if (text.trim() === '' || index !== previous + 1) {
      if (current.length > 0) blocks.push(current);
      current = [];
    }
    if (text.trim() !== '') current.push(text);
    previous = index;
  }
  if (current.length > 0) blocks.push(current);
  const isProse = (block: string[]) => !/^\s*(#|<|&lt;|\||!\\?\[|[-*+]\s|\d+[.)]\s|>|\[\^)/.test(block[0]!);
  const pick = blocks.find(isProse) ?? blocks.find((b) => plainText(b.join(' ')) !== '');
  return pick ? plainText(pick.map((l) => plainText(l)).join(' ')) : '';
}
