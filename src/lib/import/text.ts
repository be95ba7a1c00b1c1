import { isSlug } from '../slug';

/**
 * Text helpers for imported posts: slugs for file names and tags, and the plain text that titles
 * and descriptions are made from (no Markdown, no HTML, no template tags).
 */

/** Lower-case hyphenated ASCII ("Ça va, AWS!" → "ca-va-aws"); '' when nothing Latin is left (e.g. Chinese). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’'`]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Every way a tag list is written: a list, or one string separated by commas or (Jekyll) spaces. */
export function tagList(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => (v === null || v === undefined ? [] : [String(v)]));
  if (typeof value === 'string') {
    const parts = value.includes(',') ? value.split(',') : value.split(/\s+/);
    return parts.map((p) => p.trim()).filter(Boolean);
  }
  if (typeof value === 'number') return [String(value)];
  return [];
}

/**
 * Normalises raw tags to unique slugs, in order. `labels` maps known display names (lower-case,
 * e.g. "无服务器") to their slug, so a Chinese tag the site already knows is kept; `rejected` holds
 * the tags that give no slug.
 */
export function normalizeTags(
  raw: string[],
  labels: ReadonlyMap<string, string> = new Map(),
): { tags: string[]; rejected: string[] } {
  const tags: string[] = [];
  const rejected: string[] = [];
  for (const tag of raw) {
    const bare = tag.replace(/^#/, '').trim();
    const slug = labels.get(bare.toLowerCase()) ?? slugify(bare.replace(/\//g, '-'));
    if (!isSlug(slug)) rejected.push(tag);
    else if (!tags.includes(slug)) tags.push(slug);
  }
  return { tags, rejected };
}

/** Markdown, HTML and template syntax stripped from a line of text, whitespace collapsed. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\{\{[<%][\s\S]*?[%>]\}\}|\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, ' ')
    .replace(/!\[\[[^\]]*\]\]/g, ' ')
    .replace(/!\\\[[^\]]*\\\]\([^)]*\)/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[\[([^\]|]*)\|([^\]]*)\]\]/g, '$2')
    .replace(/\[\[([^\]#|]*)[^\]]*\]\]/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>\n]+>|&lt;[^>\n]*>/g, ' ')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__|\*|_|~~|==)(?=\S)([^*_~=]*?\S)\1/g, '$2')
    .replace(/^\s*(#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)/, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const SENTENCE_END = /[.!?。！？](?=\s|$)|[。！？]/g;

/**
 * Shortens plain text to at most `max` characters: whole sentences when they fit, else the last
 * whole word (or, for Chinese, the last character) before the limit followed by an ellipsis.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const stop = match.index + match[0].length;
    if (stop > max) break;
    end = stop;
  }
  if (end >= max / 4) return text.slice(0, end).trim();
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const wordEnds = /\s/.test(text.charAt(max - 1));
  const head = wordEnds || space < max / 2 ? cut : cut.slice(0, space);
  return `${head.replace(/[\s,;:，、；：]+$/u, '')}…`;
}
