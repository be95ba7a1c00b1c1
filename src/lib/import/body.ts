import type { Locale } from '../i18n/locales';
import { slugify } from './text';
import type { AssetCopy, AssetFinder, Problem } from './types';

/**
 * Body transforms for imported posts. The output is a plain `.md` article, so anything only another
 * tool understands (Obsidian embeds, wiki links and callouts, Hugo shortcodes, Liquid tags) becomes
 * standard Markdown or is kept inert inside an HTML comment. Fenced code and inline code are never
 * touched: they document syntax rather than use it.
 */

/** Image formats that astro:assets processes. */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg', 'tif', 'tiff'];

/** Where a link resolves: an article of the site, or of this import run. */
export type LinkResolver = (target: string) => { locale: Locale; slug: string } | undefined;

/** What the body transforms need from the rest of the import. */
export interface BodyOptions {
  /** Source line of the body's first line, so problems point into the original file. */
  firstLine: number;
  slug: string;
  /** Collect `#tags` written in the text (Obsidian). */
  collectTags: boolean;
  findAsset: AssetFinder;
  resolveLink: LinkResolver;
}

/** A tag found in the text, with its line. */
export interface InlineTag {
  tag: string;
  line: number;
}

/** The converted body, the images to copy beside it, the `#tags` found and what was reported. */
export interface BodyResult {
  body: string;
  assets: AssetCopy[];
  tags: InlineTag[];
  problems: Problem[];
}

/** URL path of an article ("/posts/x/" or "/zh/posts/x/"); the build adds any deployment base. */
export function postUrl(locale: Locale, slug: string): string {
  return locale === 'en' ? `/posts/${slug}/` : `/${locale}/posts/${slug}/`;
}

/** Makes text safe inside an HTML comment, which must not contain "--". */
export function inertComment(text: string): string {
  return `<!-- ${text.replace(/--/g, '- -')} -->`;
}

interface Part {
  kind: 'text' | 'code' | 'comment';
  text: string;
}

/** Splits a line into inline code, HTML comment and other text, carrying an open comment across lines. */
function splitLine(line: string, startInComment: boolean): { parts: Part[]; inComment: boolean } {
  const parts: Part[] = [];
  const push = (kind: Part['kind'], text: string) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let inComment = startInComment;
  let i = 0;
  while (i < line.length) {
    if (inComment) {
      const end = line.indexOf('-->', i);
      if (end === -1) {
        push('comment', line.slice(i));
        break;
      }
      push('comment', line.slice(i, end + 3));
      inComment = false;
      i = end + 3;
      continue;
    }
    const tick = line.indexOf('`', i);
    const open = line.indexOf('<!--', i);
    if (tick === -1 && open === -1) {
      push('text', line.slice(i));
      break;
    }
    if (open !== -1 && (tick === -1 || open < tick)) {
      push('text', line.slice(i, open));
      inComment = true;
      i = open;
      continue;
    }
    let run = tick;
    while (line[run] === '`') run++;
    const ticks = line.slice(tick, run);
    const close = findClosingTicks(line, run, ticks.length);
    push('text', line.slice(i, tick));
    if (close === -1) {
      push('text', ticks);
      i = run;
    } else {
      push('code', line.slice(tick, close + ticks.length));
      i = close + ticks.length;
    }
  }
  return { parts, inComment };
}

function findClosingTicks(line: string, from: number, length: number): number {
  let i = from;
  while (i < line.length) {
    const start = line.indexOf('`', i);
    if (start === -1) return -1;
    let end = start;
    while (line[end] === '`') end++;
    if (end - start === length) return start;
    i = end;
  }
  return -1;
}

const FENCE = /^(\s*(?:>\s?)*\s*)(`{3,}|~{3,})/;
const CALLOUT = /^(\s*(?:>\s?)+)\[!([\w-]+)\]([+-]?)\s*(.*)$/;

/** Obsidian's callout types and the GitHub alert each becomes; others become NOTE. */
const OBSIDIAN_ALERTS: Record<string, string> = {
  note: 'NOTE',
  info: 'NOTE',
  abstract: 'NOTE',
  summary: 'NOTE',
  tldr: 'NOTE',
  todo: 'NOTE',
  example: 'NOTE',
  quote: 'NOTE',
  cite: 'NOTE',
  tip: 'TIP',
  hint: 'TIP',
  success: 'TIP',
  check: 'TIP',
  done: 'TIP',
  important: 'IMPORTANT',
  question: 'IMPORTANT',
  help: 'IMPORTANT',
  faq: 'IMPORTANT',
  warning: 'WARNING',
  attention: 'WARNING',
  caution: 'CAUTION',
  danger: 'CAUTION',
  error: 'CAUTION',
  failure: 'CAUTION',
  fail: 'CAUTION',
  missing: 'CAUTION',
  bug: 'CAUTION',
};
const TEMPLATE = /\{\{<[\s\S]*?>\}\}|\{\{%[\s\S]*?%\}\}|\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g;
const TEMPLATE_OPEN = /\{\{<|\{\{%|\{%/;
const IMAGE = /!\[([^\]]*)\]\(\s*(<[^>]*>|(?:\{\{[^}]*\}\})?[^\s)]*)(\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const EMBED = /!\[\[([^\]|#^]*)([#^][^\]|]*)?(?:\|([^\]]*))?\]\]/g;
const WIKI = /(?<!!)\[\[([^\]|#^]*)([#^][^\]|]*)?(?:\|([^\]]*))?\]\]/g;
const LINK = /(?<!!)\[([^\]]*)\]\(\s*([^)]*?)\s*\)/g;
const HTML_IMG = /<img\b[^>]*>/gi;
const INLINE_TAG = /(?<=^|[\s(,])#([\p{L}\p{N}_][\p{L}\p{N}_/-]*)/gu;

const HIGHLIGHT_OPEN =
  /^(\s*)(?:\{%-?\s*highlight\s+([\w+#.-]+)[^%]*-?%\}|\{\{<\s*highlight\s+([\w+#.-]+)[^>]*>\}\})\s*$/;
const HIGHLIGHT_CLOSE = /^\s*(?:\{%-?\s*endhighlight\s*-?%\}|\{\{<\s*\/highlight\s*>\}\})\s*$/;

const templateKind = (tag: string) =>
  tag.startsWith('{{<') || tag.startsWith('{{%') ? 'Hugo shortcode' : 'template tag';

/** Rewrites an imported post's body; see the module comment for what changes and what is reported. */
export function convertBody(body: string, options: BodyOptions): BodyResult {
  const problems: Problem[] = [];
  const tags: InlineTag[] = [];
  const copies = new Map<string, string>();
  const report = (line: number, severity: Problem['severity'], code: Problem['code'], message: string) =>
    problems.push({ line, severity, code, message });

  const assetPath = (from: string, name: string): string => {
    const known = copies.get(from);
    if (known) return known;
    const dot = name.lastIndexOf('.');
    const stem = slugify(dot > 0 ? name.slice(0, dot) : name) || 'image';
    const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
    const taken = new Set(copies.values());
    let to = `images/${options.slug}/${stem}.${ext}`;
    for (let n = 2; taken.has(to); n++) to = `images/${options.slug}/${stem}-${n}.${ext}`;
    copies.set(from, to);
    return to;
  };

  const transformText = (text: string, line: number): string => {
    if (options.collectTags) {
      for (const match of text.matchAll(INLINE_TAG)) {
        const tag = match[1]!.replace(/[/-]+$/, '');
        if (/\D/u.test(tag)) tags.push({ tag, line });
      }
    }
    // A local image becomes a copy beside the article; undefined means "keep the original" (remote).
    const localImage = (rawUrl: string, line: number): string | false | undefined => {
      let url = rawUrl.replace(/^<|>$/g, '');
      const template = /^\{\{\s*site\.(?:baseurl|url)\s*\}\}/.exec(url);
      if (template) url = url.slice(template[0].length);
      if (/^(https?:)?\/\//i.test(url)) {
        // The site's Content-Security-Policy only allows images it serves itself.
        report(
          line,
          'warning',
          'remote-image',
          `remote image "${url}" will not load on the site; save it beside the post`,
        );
        return undefined;
      }
      if (/^([a-z][a-z0-9+.-]*:|#)/i.test(url) || url === '') return undefined;
      const path = safeDecode(url.replace(/[?#].*$/, ''));
      const name = path.split('/').at(-1) ?? path;
      const ext = name.includes('.') ? (name.split('.').at(-1) ?? '').toLowerCase() : '';
      if (!IMAGE_EXTENSIONS.includes(ext)) {
        report(
          line,
          'warning',
          'unsupported-image',
          `image "${rawUrl}" is not a format the site can process; kept as text`,
        );
        return false;
      }
      const found = options.findAsset(path, 'path');
      if (!found) {
        report(line, 'warning', 'missing-image', `image "${rawUrl}" was not found; kept as text`);
        return false;
      }
      return `./${assetPath(found, name)}`;
    };
    let out = text.replace(IMAGE, (whole, alt: string, rawUrl: string, title: string | undefined) => {
      const to = localImage(rawUrl, line);
      if (to === undefined) return whole;
      return to === false ? escapeImage(whole) : `![${alt}](${to}${title ?? ''})`;
    });
    out = out.replace(HTML_IMG, (tag: string) => {
      const src = attribute(tag, 'src');
      if (src === undefined) return tag;
      const to = localImage(src, line);
      if (to === undefined) return tag;
      // Raw HTML is not processed by astro:assets, so a local <img> would point at nothing.
      if (to === false) return tag.replace(/^</, '&lt;');
      report(
        line,
        'note',
        'html-image',
        `HTML image "${src}" became a Markdown image; its other attributes are dropped`,
      );
      return `![${attribute(tag, 'alt') ?? ''}](${to})`;
    });
    out = out.replace(EMBED, (whole, target: string, anchor: string | undefined, alias: string | undefined) => {
      const name = target.trim();
      const file = name.split('/').at(-1) ?? name;
      const ext = file.includes('.') ? (file.split('.').at(-1) ?? '').toLowerCase() : '';
      if (IMAGE_EXTENSIONS.includes(ext)) {
        const found = options.findAsset(name, 'embed');
        if (!found) {
          report(line, 'warning', 'missing-image', `embedded image "${name}" was not found; kept as text`);
          return whole;
        }
        const size = alias === undefined || /^\s*\d+(x\d+)?\s*$/.test(alias);
        const alt = size ? file.slice(0, file.lastIndexOf('.')) : alias.trim();
        return `![${alt}](./${assetPath(found, file)})`;
      }
      if (ext === '' || ext === 'md') {
        const found = options.resolveLink(name.replace(/\.md$/i, ''));
        if (found) {
          report(line, 'warning', 'unresolved-link', `embedded note "${name}" cannot be inlined; it became a link`);
          return `[${(alias ?? name).trim()}](${postUrl(found.locale, found.slug)})`;
        }
      }
      const what = ext === '' || ext === 'md' ? 'embedded note' : 'embedded file';
      report(line, 'warning', 'unresolved-link', `${what} "${name}${anchor ?? ''}" cannot be imported; kept as text`);
      return whole;
    });
    out = out.replace(LINK, (whole, label: string, target: string) => {
      const ref =
        /^\{\{[<%]\s*(?:rel)?ref\s+"?([^"\s>%]+)"?\s*[>%]\}\}/.exec(target)?.[1] ??
        /^\{%\s*(?:post_url|link)\s+([^\s%]+)\s*%\}/.exec(target)?.[1] ??
        (/^[^:\s]+\.(md|markdown)(#.*)?$/i.test(target) ? target : undefined);
      if (ref === undefined) return whole;
      const stem = safeDecode(ref.replace(/#.*$/, '').split('/').at(-1) ?? ref).replace(/\.(md|markdown)$/i, '');
      const found = options.resolveLink(stem);
      if (found) return `[${label}](${postUrl(found.locale, found.slug)})`;
      report(line, 'warning', 'unresolved-link', `link to "${target}" matches no article; kept as plain text`);
      return label;
    });
    out = out.replace(WIKI, (whole, target: string, anchor: string | undefined, alias: string | undefined) => {
      const name = target.trim();
      const text = (alias ?? (name || (anchor ?? '').slice(1))).trim();
      const found = name === '' ? undefined : options.resolveLink(name);
      if (!found) {
        report(line, 'warning', 'unresolved-link', `link ${whole} matches no article; kept as plain text`);
        return text;
      }
      if (anchor) {
        report(line, 'warning', 'link-anchor', `link ${whole} points into the article; it now opens at the top`);
      }
      return `[${text}](${postUrl(found.locale, found.slug)})`;
    });
    out = out.replace(TEMPLATE, (tag: string) => {
      report(
        line,
        'warning',
        'shortcode',
        `${templateKind(tag)} ${tag} has no equivalent here; kept inside an HTML comment`,
      );
      return inertComment(tag);
    });
    return out;
  };

  const lines = body.split('\n');
  const out: string[] = [];
  let fence: { char: string; length: number } | undefined;
  let highlight: { indent: string } | undefined;
  let inComment = false;
  let openTemplate: { closer: string; text: string[]; line: number } | undefined;

  lines.forEach((source, index) => {
    const line = options.firstLine + index;
    const text = source;
    if (fence) {
      const match = FENCE.exec(text);
      if (
        match &&
        match[2]![0] === fence.char &&
        match[2]!.length >= fence.length &&
        !text.slice(match[0].length).trim()
      ) {
        fence = undefined;
      }
      out.push(text);
      return;
    }
    if (highlight) {
      if (HIGHLIGHT_CLOSE.test(text)) {
        out.push(`${highlight.indent}\`\`\``);
        highlight = undefined;
      } else {
        out.push(text);
      }
      return;
    }
    if (openTemplate) {
      const end = text.indexOf(openTemplate.closer);
      if (end === -1) {
        openTemplate.text.push(text);
        out.push(text.replace(/--/g, '- -'));
        return;
      }
      const stop = end + openTemplate.closer.length;
      const tag = [...openTemplate.text, text.slice(0, stop)].join(' ').replace(/\s+/g, ' ');
      report(
        openTemplate.line,
        'warning',
        'shortcode',
        `${templateKind(tag)} ${tag} has no equivalent here; kept inside an HTML comment`,
      );
      openTemplate = undefined;
      const rest = text.slice(stop);
      out.push(`${text.slice(0, stop).replace(/--/g, '- -')} -->${rest.trim() ? processLine(rest, line) : rest}`);
      return;
    }
    const highlightMatch = inComment ? null : HIGHLIGHT_OPEN.exec(text);
    if (highlightMatch) {
      // The highlight tags of Jekyll and Hugo are code blocks; a fence is the Markdown equivalent.
      const [, indent = '', liquid, hugo] = highlightMatch;
      highlight = { indent };
      report(line, 'note', 'shortcode', `${text.trim()} became a fenced code block`);
      out.push(`${indent}\`\`\`${liquid ?? hugo ?? ''}`);
      return;
    }
    const fenceMatch = FENCE.exec(text);
    if (!inComment && fenceMatch) {
      fence = { char: fenceMatch[2]![0]!, length: fenceMatch[2]!.length };
      out.push(text);
      return;
    }
    if (!inComment) {
      const callout = CALLOUT.exec(text);
      if (callout) {
        // Obsidian's callouts become GitHub alerts, which the site renders as callouts.
        const [, prefix, type, , title] = callout;
        const alert = OBSIDIAN_ALERTS[type!.toLowerCase()] ?? 'NOTE';
        out.push(`${prefix}[!${alert}]${title ? ` ${title}` : ''}`);
        return;
      }
    }
    out.push(processLine(text, line));
  });

  function processLine(text: string, line: number): string {
    const split = splitLine(text, inComment);
    inComment = split.inComment;
    let result = '';
    split.parts.forEach((part, i) => {
      if (part.kind === 'code') {
        result += part.text;
        return;
      }
      if (part.kind === 'comment') {
        for (const match of part.text.matchAll(TEMPLATE)) {
          report(
            line,
            'warning',
            'shortcode',
            `${templateKind(match[0])} ${match[0]} is inside an HTML comment; left as it is`,
          );
        }
        result += part.text;
        return;
      }
      let converted = transformText(part.text, line);
      // A template tag that opens here and closes on a later line: comment out until it closes.
      const isLast = i === split.parts.length - 1;
      const open = isLast
        ? TEMPLATE_OPEN.exec(converted.replace(/<!--[\s\S]*?-->/g, (m) => ' '.repeat(m.length)))
        : null;
      if (open) {
        const opener = open[0];
        const closer = opener === '{{<' ? '>}}' : opener === '{{%' ? '%}}' : '%}';
        const start = open.index;
        openTemplate = { closer, text: [converted.slice(start)], line };
        converted = `${converted.slice(0, start)}<!-- ${converted.slice(start).replace(/--/g, '- -')}`;
      }
      result += converted;
    });
    return result;
  }

  if (openTemplate) {
    report(
      openTemplate.line,
      'warning',
      'shortcode',
      'a template tag is never closed; the rest of the post is commented out',
    );
    out.push('-->');
  }

  return {
    body: out.join('\n'),
    assets: [...copies].map(([from, to]) => ({ from, to })),
    tags,
    problems,
  };
}

/** `![alt](x)` as literal text, so a missing image shows on the page instead of failing the build. */
function escapeImage(markdown: string): string {
  return markdown.replace(/^!\[/, '!\\[').replace(/\]\(/, '\\](');
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return match ? (match[1] ?? match[2]) : undefined;
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
