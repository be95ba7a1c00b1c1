import type { Dialect } from './types';

/** Front matter keys only Jekyll uses. */
const JEKYLL_KEYS = [
  'layout',
  'permalink',
  'time',
  'background',
  'published',
  'excerpt',
  'category',
  'last_modified_at',
];
/** Front matter keys only Hugo uses. */
const HUGO_KEYS = ['lastmod', 'aliases', 'summary', 'publishdate', 'expirydate', 'translationkey', 'weight', 'series'];

/** True when a body uses Obsidian syntax: embeds, wiki links or callouts. */
export function hasObsidianSyntax(body: string): boolean {
  return /!\[\[[^\]]+\]\]|\[\[[^\]]+\]\]|^\s*>\s*\[![\w-]+\]/m.test(body);
}

/**
 * Guesses which tool a post was written for. TOML front matter is Hugo's; YAML is Jekyll's or
 * Hugo's depending on their own keys, file names and template tags; Obsidian notes are recognised
 * by their syntax. Only the inline `#tags` rule depends on the answer: every other conversion is
 * safe for all of them.
 */
export function detectDialect(input: {
  format: 'toml' | 'yaml' | 'none';
  keys: string[];
  datedFileName: boolean;
  body: string;
}): Dialect {
  if (input.format === 'toml') return 'hugo';
  const prose = input.body.replace(/^\s*(`{3,}|~{3,})[\s\S]*?^\s*\1/gm, '').replace(/`[^`\n]*`/g, '');
  const keys = input.keys.map((k) => k.toLowerCase());
  const jekyll =
    keys.filter((k) => JEKYLL_KEYS.includes(k)).length +
    (input.datedFileName ? 1 : 0) +
    (/\{%.*%\}/.test(prose) ? 1 : 0);
  const hugo = keys.filter((k) => HUGO_KEYS.includes(k)).length + (/\{\{[<%]/.test(prose) ? 1 : 0);
  // Embeds, wiki links and callouts exist only in Obsidian; its notes may have YAML properties too.
  if (hasObsidianSyntax(prose)) return 'obsidian';
  if (input.format === 'yaml' && (jekyll > 0 || hugo > 0)) return jekyll >= hugo ? 'jekyll' : 'hugo';
  if (input.format === 'none' && /(?:^|\s)#[\p{L}_][\p{L}\p{N}_/-]*/mu.test(prose.replace(/^#{1,6}\s.*$/gm, ''))) {
    return 'obsidian';
  }
  return input.datedFileName ? 'jekyll' : 'markdown';
}
