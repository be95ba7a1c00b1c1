/**
 * Reading time from the raw Markdown body, independent of the Markdown processor. Chinese is read
 * by characters and English by words, so the two are counted separately and added up.
 */

/** Characters per minute for Han script (common estimates range 300–500; we stay conservative). */
export const HAN_CHARS_PER_MINUTE = 350;
/** Words per minute for Latin-script technical prose. */
export const WORDS_PER_MINUTE = 220;

const HAN = /\p{Script=Han}/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’._-]*/gu;

/** Strips what a reader does not read as prose: front matter, MDX imports, tags, URLs, markup. */
export function stripMarkup(markdown: string): string {
  return markdown
    .replace(/^---[\s\S]*?\n---\s*\n/, '')
    .replace(/^(import|export)\s.*$/gm, '')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[#>*_`|~-]+/g, ' ');
}

/** Counts Han characters and Latin-script words in a Markdown body. */
export function countText(markdown: string): { hanChars: number; words: number } {
  const text = stripMarkup(markdown);
  const hanChars = text.match(HAN)?.length ?? 0;
  const words = text.replace(HAN, ' ').match(WORD)?.length ?? 0;
  return { hanChars, words };
}

/** Whole minutes to read a Markdown body, at least one. */
export function readingMinutes(markdown: string): number {
  const { hanChars, words } = countText(markdown);
  const minutes = hanChars / HAN_CHARS_PER_MINUTE + words / WORDS_PER_MINUTE;
  return Math.max(1, Math.round(minutes));
}

/** What the site needs to know about a raw body, so that the body itself need not be kept. */
export interface BodyFacts {
  readingMinutes: number;
  /** Names of the components an MDX body uses (`<Callout>` → "Callout"), in order of first use. */
  components: string[];
}

/** Counts a raw body's reading time and lists the components it uses. */
export function bodyFacts(markdown: string): BodyFacts {
  const components = [...markdown.matchAll(/<([A-Z][\w.]*)/g)].map((m) => m[1]!);
  return { readingMinutes: readingMinutes(markdown), components: [...new Set(components)] };
}
