import type { HastPluginDefinition } from 'satteri';

/**
 * Callouts: the boxes MDX articles write as <Callout type="…"> and Markdown articles as GitHub's
 * alerts (`> [!NOTE]`, `> [!TIP]`, `> [!IMPORTANT]`, `> [!WARNING]`, `> [!CAUTION]`, an optional
 * title after the marker). Both render the same markup, styled once in global.css.
 */

export const CALLOUT_TYPES = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type CalloutType = (typeof CALLOUT_TYPES)[number];

/** Inner markup of each callout's 24-unit, stroke-drawn icon (the frame is calloutIconSvg's). */
export const CALLOUT_ICONS: Record<CalloutType, string> = {
  note: '<circle cx="12" cy="12" r="10"></circle><path d="M12 16v-4"></path><path d="M12 8h.01"></path>',
  tip: '<path d="M15 14c.2-1 .7-1.7 1.5-2.5 1-.9 1.5-2.2 1.5-3.5A6 6 0 0 0 6 8c0 1 .2 2.2 1.5 3.5.7.7 1.3 1.5 1.5 2.5"></path><path d="M9 18h6"></path><path d="M10 22h4"></path>',
  important:
    '<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"></path><path d="M12 7v4"></path><path d="M12 14h.01"></path>',
  warning:
    '<path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3"></path><path d="M12 9v4"></path><path d="M12 17h.01"></path>',
  caution:
    '<path d="M7.86 2h8.28L22 7.86v8.28L16.14 22H7.86L2 16.14V7.86z"></path><path d="M12 8v4"></path><path d="M12 16h.01"></path>',
};

/** A callout's icon as an SVG string, hidden from assistive technology like every icon. */
export function calloutIconSvg(type: CalloutType, size = 18): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${CALLOUT_ICONS[type]}</svg>`;
}

const MARKER = /^\s*\[!(note|tip|important|warning|caution)\][ \t]*([^\n]*)(?:\n|$)/i;

/**
 * Reads a GitHub alert marker at the start of a blockquote's first paragraph: its type, the title
 * written after it on the same line (empty for the default), and the text that follows.
 */
export function parseAlertMarker(text: string): { type: CalloutType; title: string; rest: string } | undefined {
  const match = MARKER.exec(text);
  if (!match) return undefined;
  return { type: match[1]!.toLowerCase() as CalloutType, title: match[2]!.trim(), rest: text.slice(match[0].length) };
}

/** The language of an article from its file, for default titles ("Note" / "注意"). */
export function localeOfFile(fileURL: URL | undefined, locales: readonly string[], fallback: string): string {
  const match = /\/content\/posts\/([^/]+)\//.exec(fileURL?.pathname ?? '');
  return match && locales.includes(match[1]!) ? match[1]! : fallback;
}

type Node = { type: string; tagName?: string; value?: string; children?: Node[] };

/**
 * Sätteri hast plugin turning GitHub alerts in Markdown into callouts. `label` gives the default
 * title of a type in the article's language, found from the file being compiled.
 */
export function calloutsPlugin(label: (type: CalloutType, fileURL: URL | undefined) => string): HastPluginDefinition {
  return {
    name: 'callouts',
    element: {
      filter: ['blockquote'],
      visit(node, ctx) {
        const children = (node.children ?? []) as Node[];
        const firstIndex = children.findIndex((c) => c.type === 'element');
        const first = children[firstIndex];
        if (first?.tagName !== 'p') return;
        const lead = first.children?.[0];
        if (lead?.type !== 'text') return;
        const alert = parseAlertMarker(lead.value ?? '');
        if (!alert) return;
        const paragraphRest = [
          ...(alert.rest.trim() ? [{ type: 'text', value: alert.rest }] : []),
          ...(first.children ?? []).slice(1),
        ];
        // A line break right after the marker line would start the body with an empty line.
        while (paragraphRest[0]?.type === 'element' && paragraphRest[0].tagName === 'br') paragraphRest.shift();
        const body = [
          ...(paragraphRest.length ? [{ ...first, children: paragraphRest }] : []),
          ...children.slice(firstIndex + 1),
        ];
        ctx.replaceNode(node, {
          type: 'element',
          tagName: 'div',
          properties: { className: ['callout', alert.type], role: 'note' },
          children: [
            {
              type: 'element',
              tagName: 'p',
              properties: { className: ['title'] },
              children: [
                { type: 'raw', value: calloutIconSvg(alert.type) },
                {
                  type: 'element',
                  tagName: 'span',
                  properties: {},
                  children: [{ type: 'text', value: alert.title || label(alert.type, ctx.fileURL) }],
                },
              ],
            },
            { type: 'element', tagName: 'div', properties: { className: ['body'] }, children: body },
          ],
        } as never);
      },
    },
  };
}
