import { htmlLang, type Locale } from './i18n/locales';
import { withBase } from './i18n/paths';

/** Absolute URL of a site-relative path, respecting the deployment base. */
export function absoluteUrl(path: string, site: URL | string, base: string): string {
  return new URL(withBase(path, base), site).href;
}

/** The longest <title> search results show whole, and html-validate's default `long-title`. */
export const MAX_TITLE = 70;

/**
 * "Post title · Site" for documents and just the site title for the home page, within `max`
 * characters: the site name goes first when the whole would be longer, and a title still too long
 * is cut at a word (or, in Chinese, anywhere) with an ellipsis.
 */
export function documentTitle(title: string | undefined, siteTitle: string, max = MAX_TITLE): string {
  if (!title || title === siteTitle) return fit(siteTitle, max);
  const full = `${title} · ${siteTitle}`;
  return [...full].length <= max ? full : fit(title, max);
}

/** `text` if it fits in `max` characters, else cut before `max` at a space when there is one near. */
function fit(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:·–—-]+$/u, '')}…`;
}

/**
 * Serialises JSON-LD for a <script> element. "<" is escaped so a title containing
 * "</script>" cannot end the element early.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export interface BlogPostingInput {
  url: string;
  title: string;
  description: string;
  locale: Locale;
  published: Date;
  modified?: Date | undefined;
  tags: string[];
  image: string;
  author: string;
  siteTitle: string;
  siteUrl: string;
}

/** schema.org BlogPosting for an article page. */
export function blogPostingJsonLd(input: BlogPostingInput) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: input.title,
    description: input.description,
    url: input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    inLanguage: htmlLang[input.locale],
    datePublished: input.published.toISOString(),
    dateModified: (input.modified ?? input.published).toISOString(),
    keywords: input.tags.join(', '),
    image: input.image,
    author: { '@type': 'Organization', name: input.author, url: input.siteUrl },
    publisher: { '@type': 'Organization', name: input.siteTitle, url: input.siteUrl },
  };
}
