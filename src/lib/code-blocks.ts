import { transformerNotationDiff, transformerNotationHighlight } from '@shikijs/transformers';
import type { Element, ElementContent } from 'hast';
import type { ShikiTransformer } from 'shiki';

/**
 * Shiki transformers for code blocks in articles. The Markdown processor hands Shiki the fence's
 * meta string (```ts title="handler.ts" {2-3}); these read it and shape the HTML.
 */

/** The raw meta string of a fence, whichever shape the processor passed it in. */
export function rawMeta(meta: unknown): string {
  if (typeof meta === 'string') return meta;
  if (meta && typeof meta === 'object' && '__raw' in meta && typeof meta.__raw === 'string') return meta.__raw;
  return '';
}

/** Reads `title="…"` (or single quotes) from a fence's meta string. */
export function parseTitle(meta: string): string | undefined {
  const match = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)')/.exec(meta);
  const title = match?.[1] ?? match?.[2];
  return title?.trim() || undefined;
}

/** Parses line ranges such as `{1,3-5}` into a set of 1-based line numbers. */
export function parseLineRanges(meta: string): Set<number> {
  const lines = new Set<number>();
  const block = /\{([\d,\s-]+)\}/.exec(meta.replace(/(?:"[^"]*"|'[^']*')/g, ''));
  if (!block?.[1]) return lines;
  for (const part of block[1].split(',')) {
    const [start, end] = part
      .trim()
      .split('-')
      .map((n) => Number.parseInt(n, 10));
    if (start === undefined || Number.isNaN(start)) continue;
    const last = end === undefined || Number.isNaN(end) ? start : end;
    for (let n = start; n <= last; n++) lines.add(n);
  }
  return lines;
}

/** Marks lines listed in the meta (`{2,4-6}`) with the `highlighted` class. */
export function transformerLineHighlight(): ShikiTransformer {
  return {
    name: 'blog:line-highlight',
    line(node, line) {
      if (parseLineRanges(rawMeta(this.options.meta)).has(line)) {
        this.addClassToHast(node, 'highlighted');
        this.addClassToHast(this.pre, 'has-highlighted');
      }
    },
  };
}

/**
 * Wraps each block in a <figure> with the file name as <figcaption> when given, and records the
 * language for styling and the copy button. Returning a single root child matters: the Markdown
 * processor keeps only the first node Shiki returns.
 */
export function transformerCodeFigure(): ShikiTransformer {
  return {
    name: 'blog:code-figure',
    root(root) {
      const pre = root.children.find((n): n is Element => n.type === 'element' && n.tagName === 'pre');
      if (!pre) return;
      const title = parseTitle(rawMeta(this.options.meta));
      const children: ElementContent[] = [];
      if (title) {
        children.push({
          type: 'element',
          tagName: 'figcaption',
          properties: { className: ['code-title'] },
          children: [{ type: 'text', value: title }],
        });
      }
      children.push(pre);
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: { className: ['code-block'], dataLang: this.options.lang },
        children,
      };
      root.children = [figure];
    },
  };
}

/**
 * Class names for the declarations Shiki's css-variables theme writes into style attributes
 * ("color:var(--astro-code-token-keyword)" → "tk-keyword"), or undefined if any declaration is
 * unknown, in which case the style is kept as it is.
 */
export function tokenClasses(style: string): string[] | undefined {
  const classes: string[] = [];
  for (const declaration of style
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)) {
    const color = /^color:\s*var\(--astro-code-(token-[a-z-]+|foreground)\)$/.exec(declaration);
    const font = {
      'font-style:italic': 'tk-italic',
      'font-weight:bold': 'tk-bold',
      'text-decoration:underline': 'tk-underline',
    }[declaration.replace(/\s+/g, '')];
    if (color) classes.push(color[1] === 'foreground' ? 'tk-fg' : `tk-${color[1]!.slice('token-'.length)}`);
    else if (font) classes.push(font);
    else return undefined;
  }
  return classes;
}

/**
 * Moves Shiki's colours from style attributes to classes: the HTML gets shorter (token styles were
 * the largest part of article HTML) and pages need no inline styles at all, so the
 * Content-Security-Policy can forbid them. global.css maps each class to its colour variable.
 */
export function transformerTokenClasses(): ShikiTransformer {
  return {
    name: 'blog:token-classes',
    pre(node) {
      // Background, colour and overflow of <pre> come from global.css.
      delete node.properties['style'];
    },
    span(node) {
      const style = node.properties['style'];
      if (typeof style !== 'string') return;
      const classes = tokenClasses(style);
      if (!classes) return;
      delete node.properties['style'];
      for (const name of classes) this.addClassToHast(node, name);
    },
  };
}

/**
 * The one Shiki setup of the site, used by the workers that highlight Markdown and MDX alike
 * (src/integrations/highlight). One tokenizing pass per block: the colours are CSS variables that global.css sets per
 * theme (all WCAG AA on the code background), turned into classes so no element needs a style.
 */
/**
 * Tokenizes every line whole, however long it takes. Shiki gives up on a line after 500 ms by
 * default and leaves the rest of it as one plain token; a grammar's first use compiles it, which on
 * a busy build machine can take that long, so the same code block could come out highlighted
 * differently from one build to the next. Shiki's `preprocess` hook receives the options it
 * tokenizes with.
 */
export function transformerWholeLines(): ShikiTransformer {
  return {
    name: 'whole-lines',
    preprocess(code, options) {
      options.tokenizeTimeLimit = 0;
      return code;
    },
  };
}

export function shikiConfig() {
  return {
    theme: 'css-variables' as const,
    transformers: [
      transformerWholeLines(),
      transformerNotationDiff({ matchAlgorithm: 'v3' }),
      transformerNotationHighlight({ matchAlgorithm: 'v3' }),
      transformerLineHighlight(),
      transformerTokenClasses(),
      transformerCodeFigure(),
    ],
  };
}
