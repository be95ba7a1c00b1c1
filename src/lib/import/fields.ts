import { isLocale, type Locale } from '../i18n/locales';
import { normalizeDate } from './dates';
import type { Field } from './front-matter';
import { tagList } from './text';
import type { Problem } from './types';

/**
 * Maps Hugo, Jekyll and Obsidian front matter fields to what the article schema knows. Every field
 * that is not used ends up in `dropped`, so the output can keep it visible as a YAML comment.
 */

type Role =
  | 'title'
  | 'description'
  | 'pubDate'
  | 'updatedDate'
  | 'tags'
  | 'draft'
  | 'published'
  | 'slug'
  | 'translationKey'
  | 'series'
  | 'heroImage'
  | 'heroAlt'
  | 'lang'
  | 'names';

/** Keys for each role, in priority order: when a post has both `date` and `time`, `date` wins. */
const KEYS: [Role, string[]][] = [
  ['title', ['title']],
  ['description', ['description', 'summary', 'excerpt']],
  ['pubDate', ['pubdate', 'date', 'publishdate', 'time', 'created']],
  ['updatedDate', ['updateddate', 'lastmod', 'last_modified_at', 'updated', 'modified']],
  ['tags', ['tags', 'categories', 'category']],
  ['draft', ['draft']],
  ['published', ['published']],
  ['slug', ['slug']],
  ['translationKey', ['translationkey']],
  ['series', ['series']],
  ['heroImage', ['heroimage', 'image', 'background', 'cover', 'featured_image', 'feature_image', 'images']],
  ['heroAlt', ['heroalt', 'image_alt', 'imagealt', 'alt']],
  ['lang', ['lang', 'language', 'locale']],
];

/** Fields other generators need and this site does not, with why they are dropped. */
const IGNORED: Record<string, { severity: 'warning' | 'note'; reason: string }> = {
  layout: { severity: 'note', reason: 'every article uses the same layout here' },
  type: { severity: 'note', reason: 'every article uses the same layout here' },
  permalink: { severity: 'warning', reason: 'old URLs are not redirected; the article gets a new URL' },
  url: { severity: 'warning', reason: 'old URLs are not redirected; the article gets a new URL' },
  aliases: { severity: 'warning', reason: 'old URLs are not redirected; the article gets a new URL' },
};

/** A mapped value with the source line it came from. */
export interface Located<T> {
  value: T;
  line: number;
  /** The source field, kept in the output as a comment if the value ends up unused. */
  field?: Field;
}

/** Front matter fields mapped to the roles the schema knows; anything unused is in `dropped`. */
export interface MappedFields {
  title?: Located<string>;
  description?: Located<string>;
  pubDate?: Located<string>;
  updatedDate?: Located<string>;
  tags?: Located<string[]>;
  draft?: Located<boolean>;
  slug?: Located<string>;
  translationKey?: Located<string>;
  series?: Located<string>;
  heroImage?: Located<string>;
  heroAlt?: Located<string>;
  lang?: Located<Locale>;
  /** Other names the post answers to in wiki links (Obsidian `aliases` that are not URLs). */
  names: string[];
  dropped: Field[];
  problems: Problem[];
}

/** Maps parsed front matter fields to the schema's roles, reporting unknown and unusable values. */
export function mapFields(fields: Field[]): MappedFields {
  const result: MappedFields = { names: [], dropped: [], problems: [] };
  const byKey = new Map(fields.map((f) => [f.key.toLowerCase(), f]));
  const used = new Set<Field>();
  const drop = (field: Field, severity: Problem['severity'], code: Problem['code'], message: string) => {
    result.dropped.push(field);
    result.problems.push({ line: field.line, severity, code, message });
  };

  for (const [role, keys] of KEYS) {
    const present = keys.flatMap((k) => byKey.get(k) ?? []);
    if (role === 'tags') {
      // Hugo and Jekyll both have tags and categories; the site has one list, so they are merged.
      present.forEach((f) => used.add(f));
      const raw = present.flatMap((f) => tagList(f.value));
      if (present.length > 0) result.tags = { value: raw, line: present[0]!.line };
      continue;
    }
    const [first, ...rest] = present;
    if (!first) continue;
    used.add(first);
    for (const other of rest) {
      used.add(other);
      drop(other, 'note', 'dropped-field', `"${other.key}" is not used because "${first.key}" is given`);
    }
    assign(result, role, first, drop);
  }

  if (byKey.has('aliases')) {
    const aliases = byKey.get('aliases')!;
    result.names.push(...tagList(aliases.value).filter((a) => !/^\/|:\/\//.test(a)));
  }

  for (const field of fields) {
    if (used.has(field)) continue;
    const ignored = IGNORED[field.key.toLowerCase()];
    const names = field.key.toLowerCase() === 'aliases' && tagList(field.value).every((a) => !/^\/|:\/\//.test(a));
    if (names) {
      drop(field, 'note', 'dropped-field', `"${field.key}" is dropped; its names still resolve wiki links`);
    } else if (ignored) {
      drop(field, ignored.severity, 'dropped-field', `"${field.key}" is dropped: ${ignored.reason}`);
    } else {
      drop(field, 'warning', 'unknown-field', `unknown field "${field.key}" is not used by this site`);
    }
  }
  return result;
}

type Drop = (field: Field, severity: Problem['severity'], code: Problem['code'], message: string) => void;

function assign(result: MappedFields, role: Role, field: Field, drop: Drop): void {
  const { value, line } = field;
  const text = textOf(value);
  switch (role) {
    case 'title':
    case 'description':
    case 'series':
    case 'heroAlt':
    case 'slug':
    case 'translationKey': {
      // Hugo's series is a taxonomy (a list); the site allows one series per article.
      const single = Array.isArray(value) && value.length > 0 ? textOf(value[0]) : text;
      if (single === undefined || single.trim() === '') {
        drop(field, 'warning', 'unknown-field', `"${field.key}" is not text and is not used`);
        return;
      }
      if (Array.isArray(value) && value.length > 1) {
        drop(field, 'warning', 'dropped-field', `"${field.key}" has several values; only "${single}" is used`);
      }
      result[role] = { value: single.trim(), line, field };
      return;
    }
    case 'pubDate':
    case 'updatedDate': {
      const date = normalizeDate(value);
      if (!date.ok) {
        drop(field, 'warning', 'bad-date', `"${field.key}" cannot be read: ${date.reason}`);
        return;
      }
      for (const warning of date.warnings) {
        result.problems.push({ line, severity: 'warning', code: 'date', message: `"${field.key}": ${warning}` });
      }
      result[role] = { value: date.iso, line, field };
      return;
    }
    case 'draft':
    case 'published': {
      const flag = booleanOf(value);
      if (flag === undefined) {
        drop(field, 'warning', 'unknown-field', `"${field.key}" must be true or false and is not used`);
        return;
      }
      result.draft = { value: role === 'draft' ? flag : !flag, line };
      return;
    }
    case 'heroImage': {
      const path = heroPath(value);
      if (path === undefined) {
        drop(field, 'warning', 'hero-image', `"${field.key}" holds no image path and is not used`);
        return;
      }
      result.heroImage = { value: path.src, line, field };
      if (path.alt !== undefined) result.heroAlt = { value: path.alt, line };
      return;
    }
    case 'lang': {
      const locale = text?.toLowerCase().split(/[-_]/)[0];
      if (!isLocale(locale)) {
        drop(field, 'warning', 'language', `"${field.key}: ${text}" is not a language of this site (en, zh)`);
        return;
      }
      result.lang = { value: locale, line };
      return;
    }
    case 'tags':
    case 'names':
      return;
  }
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return undefined;
}

function booleanOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'yes') return true;
  if (value === 'false' || value === 'no') return false;
  return undefined;
}

/** The image path of `image: x.png`, `images: [x.png]` (Hugo) or `cover: { image: x.png, alt: … }`. */
function heroPath(value: unknown): { src: string; alt?: string } | undefined {
  if (typeof value === 'string' && value.trim()) return { src: value.trim() };
  if (Array.isArray(value)) return heroPath(value[0]);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const src = record['image'] ?? record['src'] ?? record['url'];
    const alt = record['alt'];
    if (typeof src === 'string' && src.trim()) {
      return typeof alt === 'string' && alt.trim() ? { src: src.trim(), alt: alt.trim() } : { src: src.trim() };
    }
  }
  return undefined;
}
