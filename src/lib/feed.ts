/**
 * Feed building blocks: turning rendered article HTML into self-contained feed content, and the
 * channel elements @astrojs/rss does not write itself. Pure string work, tested with fixtures.
 */

/** Escapes text for XML and HTML element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

function resolve(value: string, pageUrl: string): string {
  const trimmed = value.trim();
  if (!trimmed || ABSOLUTE.test(trimmed)) return value;
  return new URL(trimmed, pageUrl).href;
}

/**
 * Makes every URL in href, src, poster and srcset absolute against the article's own URL, so links
 * and images work in a feed reader (and keep the deployment base, which the article URL carries).
 */
export function absolutizeUrls(html: string, pageUrl: string): string {
  return html
    .replace(/\b(href|src|poster)=(["'])(.*?)\2/gi, (_m, attr: string, q: string, value: string) => {
      return `${attr}=${q}${resolve(value, pageUrl)}${q}`;
    })
    .replace(/\bsrcset=(["'])(.*?)\1/gi, (_m, q: string, value: string) => {
      const candidates = value.split(',').map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
        return [resolve(url, pageUrl), ...descriptor].join(' ');
      });
      return `srcset=${q}${candidates.join(', ')}${q}`;
    });
}

/**
 * Removes what only the website needs: scripts, styles, framework or search attributes, and the
 * colour classes of code tokens (`<span class="tk-keyword">const</span>` → `const`), which mean
 * nothing without the site's stylesheet and were about half of a code block's markup.
 */
export function cleanFeedHtml(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style>/gi, '')
    .replace(/\s(?:data-astro-[\w-]+|data-pagefind-[\w-]+)(?:=(["']).*?\1)?/gi, '')
    .replace(/<span class="tk-[\w-]+">([^<]*)<\/span>/g, '$1')
    .trim();
}

/** Article HTML ready for `content:encoded`. */
export function feedContent(html: string, pageUrl: string): string {
  return absolutizeUrls(cleanFeedHtml(html), pageUrl);
}

/** The most recent publication or update among the posts: the feed's lastBuildDate. */
export function lastUpdated(posts: { pubDate: Date; updatedDate?: Date | undefined }[]): Date | undefined {
  let latest: Date | undefined;
  for (const post of posts) {
    const date = post.updatedDate && post.updatedDate > post.pubDate ? post.updatedDate : post.pubDate;
    if (!latest || date > latest) latest = date;
  }
  return latest;
}

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
export const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export interface ChannelExtras {
  /** BCP 47 language of the feed, e.g. "zh-CN". */
  language: string;
  lastBuildDate?: Date | undefined;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  /** Shown to people who open the feed in a browser (the XHTML block is ignored by feed readers). */
  browserNote: { heading: string; body: string; linkText: string; linkUrl: string; homeText: string; homeUrl: string };
}

/**
 * Channel elements for `customData`: language, lastBuildDate, atom:link rel="self", and an XHTML
 * note that the feed's CSS shows as a header when someone opens the feed in a browser.
 */
export function channelExtras(extras: ChannelExtras): string {
  const n = extras.browserNote;
  return [
    `<language>${escapeXml(extras.language)}</language>`,
    extras.lastBuildDate ? `<lastBuildDate>${extras.lastBuildDate.toUTCString()}</lastBuildDate>` : '',
    `<atom:link href="${escapeXml(extras.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    `<h:div xmlns:h="${XHTML_NS}" class="browser-note" lang="${escapeXml(extras.language)}">`,
    `<h:p class="heading">${escapeXml(n.heading)}</h:p>`,
    `<h:p>${escapeXml(n.body)}</h:p>`,
    // One link per paragraph: @astrojs/rss re-parses customData, and its XML parser groups
    // same-named siblings, which would reorder mixed text and links.
    `<h:p class="link"><h:a href="${escapeXml(n.linkUrl)}">${escapeXml(n.linkText)}</h:a></h:p>`,
    `<h:p class="link"><h:a href="${escapeXml(n.homeUrl)}">${escapeXml(n.homeText)}</h:a></h:p>`,
    `</h:div>`,
  ].join('');
}

/**
 * Adds a CSS stylesheet processing instruction after the XML declaration. (@astrojs/rss writes
 * one without `type`, which browsers need to apply CSS; XSLT is being removed from Chromium.)
 */
export function withCssStylesheet(xml: string, href: string): string {
  const instruction = `<?xml-stylesheet href="${escapeXml(href)}" type="text/css"?>`;
  return xml.replace(/^(<\?xml[^?]*\?>)/, `$1${instruction}`);
}

/**
 * The one `<item>…</item>` element of an RSS document built for a single post. Each post's item is
 * serialized once per build this way and reused by every feed it appears in, instead of escaping
 * its full HTML again for the language feed and for each of its tags.
 */
export function itemElement(rss: string): string {
  const start = rss.indexOf('<item>');
  const end = rss.lastIndexOf('</item>');
  if (start === -1 || end === -1 || rss.indexOf('<item>', start + 1) !== -1) {
    throw new Error('itemElement() expects an RSS document with exactly one <item>');
  }
  return rss.slice(start, end + '</item>'.length);
}

/**
 * An RSS document split where items go, at the end of its channel: the feed writes the head, its
 * items and the tail one after another, since a feed of thousands of full articles is over 100 MB
 * and joining it into one string would copy it again.
 */
export function splitChannel(rss: string): { head: string; tail: string } {
  const at = rss.lastIndexOf('</channel>');
  if (at === -1) throw new Error('splitChannel() expects an RSS document with a <channel>');
  return { head: rss.slice(0, at), tail: rss.slice(at) };
}
