import { z } from 'astro/zod';
import { Document, Scalar, isMap, isScalar, isSeq } from 'yaml';
import { postSchema } from '../schema';

/** The front matter an imported article gets, with dates as ISO strings. */
export interface PostFrontMatter {
  title: string;
  description: string;
  pubDate: string;
  updatedDate?: string;
  tags: string[];
  heroImage?: string;
  heroAlt?: string;
  draft: boolean;
  translationKey?: string;
  series?: string;
}

/** A source field kept in the output as a YAML comment. */
export interface KeptField {
  key: string;
  value: unknown;
}

/** The order fields are written in: what an author reads first comes first. */
export const FIELD_ORDER = [
  'title',
  'description',
  'pubDate',
  'updatedDate',
  'tags',
  'heroImage',
  'heroAlt',
  'draft',
  'translationKey',
  'series',
] as const satisfies readonly (keyof PostFrontMatter)[];

// Astro's image() resolves files at build time; at import time the path is checked by the importer.
const schema = postSchema(() => z.string());

/** Checks front matter against the site's own schema; returns "field: message" for each problem. */
export function validateFrontMatter(data: PostFrontMatter): string[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.') || 'front matter'}: ${issue.message}`);
}

/**
 * Writes front matter as YAML between `---` lines: text fields double-quoted, tags as a flow list,
 * dates plain, like the hand-written articles. Fields the site does not use follow as comments, so
 * nothing the author wrote is lost.
 */
export function serializeFrontMatter(data: PostFrontMatter, kept: KeptField[] = []): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (data[key] !== undefined) ordered[key] = data[key];
  const doc = new Document(ordered);
  for (const key of ['title', 'description', 'heroAlt', 'series']) {
    const node = doc.get(key, true);
    if (isScalar(node)) node.type = Scalar.QUOTE_DOUBLE;
  }
  const tags = doc.get('tags', true);
  if (isSeq(tags)) tags.flow = true;
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}${keptComment(kept)}---\n`;
}

function keptComment(kept: KeptField[]): string {
  if (kept.length === 0) return '';
  const lines = kept.flatMap(({ key, value }) => {
    const doc = new Document({ [key]: plain(value) });
    const node = doc.get(key, true);
    if (isSeq(node) || isMap(node)) node.flow = true;
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd().split('\n');
  });
  return `# Kept from the original front matter; not used by this site:\n${lines.map((l) => `# ${l}`).join('\n')}\n`;
}

/** Dates (such as smol-toml's, which keep their written form) become strings; the rest is copied. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}
