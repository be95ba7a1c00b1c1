import { htmlLang, type Locale } from './i18n/locales';
import { withBase } from './i18n/paths';

/** Absolute URL of a site-relative path, respecting the deployment base. */
export function absoluteUrl(path: string, site: URL | string, base: string): string {
  return new URL(withBase(path, base), site).href;
}

/** "Post title · Site" for documents, and just the site title for the home page. */
export function documentTitle(title: string | undefined, siteTitle: string): string {
  return title && title !== siteTitle ? `${title} · ${siteTitle}` : siteTitle;
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
