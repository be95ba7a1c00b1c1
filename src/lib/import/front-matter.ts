import { parse as parseToml, TomlError } from 'smol-toml';
import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Problem } from './types';

/** The front matter block of a source file, before parsing. */
export interface RawFrontMatter {
  format: 'toml' | 'yaml' | 'none';
  /** The text between the delimiters. */
  text: string;
  /** Source line of the first line of `text` (1-based). */
  firstLine: number;
  body: string;
  /** Source line of the first line of `body` (1-based). */
  bodyLine: number;
}

/** A top-level front matter field with the source line it was given on. */
export interface Field {
  key: string;
  value: unknown;
  line: number;
}

/** Parsed front matter: fields in source order, the last value of a repeated key winning. */
export interface ParsedFrontMatter {
  fields: Field[];
  /** Earlier values of repeated keys, which the last value replaced. */
  replaced: Field[];
  problems: Problem[];
  /** False when the block could not be parsed at all: nothing can be imported safely. */
  ok: boolean;
}

/** Removes a byte-order mark and turns CRLF and CR line endings into LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Splits Hugo TOML (`+++`) or YAML (`---`) front matter from the body; text must use LF endings. */
export function splitFrontMatter(text: string): RawFrontMatter {
  const lines = text.split('\n');
  const opener = lines[0]?.trimEnd();
  const closers = opener === '+++' ? ['+++'] : opener === '---' ? ['---', '...'] : [];
  const end = closers.length > 0 ? lines.findIndex((line, i) => i > 0 && closers.includes(line.trimEnd())) : -1;
  if (end === -1) return { format: 'none', text: '', firstLine: 1, body: text, bodyLine: 1 };
  return {
    format: opener === '+++' ? 'toml' : 'yaml',
    text: lines.slice(1, end).join('\n'),
    firstLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}

/** Parses a front matter block into fields with line numbers, reporting syntax errors and repeated keys. */
export function parseFrontMatter(raw: RawFrontMatter): ParsedFrontMatter {
  if (raw.format === 'yaml') return parseYaml(raw.text, raw.firstLine);
  if (raw.format === 'toml') return parseTomlBlock(raw.text, raw.firstLine);
  return { fields: [], replaced: [], problems: [], ok: true };
}

function parseYaml(text: string, firstLine: number): ParsedFrontMatter {
  const lineCounter = new LineCounter();
  // Duplicate keys are an error by default; Jekyll accepts them (last wins), so we do too, with a warning.
  const doc = parseDocument(text, { uniqueKeys: false, lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length > 0) {
    return {
      ok: false,
      fields: [],
      replaced: [],
      problems: doc.errors.map((e) => ({
        line: lineAt(e.pos[0]),
        severity: 'error',
        code: 'front-matter',
        message: `the YAML front matter cannot be read: ${e.message.split('\n')[0] ?? e.code}`,
      })),
    };
  }
  if (doc.contents === null) return { ok: true, fields: [], replaced: [], problems: [] };
  if (!isMap(doc.contents)) {
    return {
      ok: false,
      fields: [],
      replaced: [],
      problems: [
        {
          line: firstLine,
          severity: 'error',
          code: 'front-matter',
          message: 'the front matter is not a list of fields',
        },
      ],
    };
  }
  const fields: Field[] = [];
  const replaced: Field[] = [];
  const problems: Problem[] = [];
  for (const pair of doc.contents.items) {
    const keyNode = pair.key;
    const key = String(isScalar(keyNode) ? keyNode.value : keyNode);
    const line = isNode(keyNode) && keyNode.range ? lineAt(keyNode.range[0]) : firstLine;
    const value = isNode(pair.value) ? pair.value.toJS(doc) : pair.value;
    addField(fields, replaced, problems, { key, value, line });
  }
  return { ok: true, fields, replaced, problems };
}

function parseTomlBlock(text: string, firstLine: number): ParsedFrontMatter {
  let table: Record<string, unknown>;
  try {
    table = parseToml(text);
  } catch (error) {
    const line = error instanceof TomlError ? error.line + firstLine - 1 : firstLine;
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return {
      ok: false,
      fields: [],
      replaced: [],
      problems: [
        { line, severity: 'error', code: 'front-matter', message: `the TOML front matter cannot be read: ${message}` },
      ],
    };
  }
  const lines = text.split('\n');
  const fields = Object.entries(table).map(([key, value]) => ({
    key,
    value,
    line: tomlKeyLine(lines, key) + firstLine - 1,
  }));
  return { ok: true, fields, replaced: [], problems: [] };
}

/** Line (1-based, within the block) where a TOML top-level key is defined, as a key, dotted key or table. */
function tomlKeyLine(lines: string[], key: string): number {
  const name = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const quoted = `(?:${name}|"${name}"|'${name}')`;
  const pattern = new RegExp(`^\\s*(?:${quoted}\\s*[.=]|\\[{1,2}\\s*${quoted}\\s*[.\\]])`);
  const index = lines.findIndex((line) => pattern.test(line));
  return index === -1 ? 1 : index + 1;
}

function addField(fields: Field[], replaced: Field[], problems: Problem[], field: Field): void {
  const earlier = fields.findIndex((f) => f.key === field.key);
  if (earlier !== -1) {
    const previous = fields[earlier]!;
    problems.push({
      line: field.line,
      severity: 'warning',
      code: 'duplicate-key',
      message: `"${field.key}" is given twice (lines ${previous.line} and ${field.line}); the last value wins`,
    });
    replaced.push(previous);
    fields.splice(earlier, 1);
  }
  fields.push(field);
}
