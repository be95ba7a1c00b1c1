import { locales, useTranslations, type Locale, type UIStrings } from './lib/i18n';

/** The one settings file: identity, navigation and list sizes. UI wording lives in src/lib/i18n. */
export const siteConfig = {
  /** Production origin; `SITE_URL` overrides it at build time (see astro.config.mjs). */
  url: 'https://lambda-or-fargate.dev',
  /** The site's name in each language, from the UI dictionaries ('site.title'). */
  title: Object.fromEntries(locales.map((l) => [l, useTranslations(l)['site.title']])) as Record<Locale, string>,
  author: 'Lambda or Fargate',
  /** Posts listed on each home page; the archive lists the rest. */
  homePostCount: 8,
  /** Header navigation, as UI-string keys and site-relative paths (localised per page). */
  nav: [
    { label: 'nav.home', path: '/' },
    { label: 'nav.tags', path: '/tags/' },
    { label: 'nav.tools', path: '/tools/' },
    { label: 'nav.archive', path: '/archive/' },
    { label: 'nav.about', path: '/about/' },
  ] satisfies { label: keyof UIStrings; path: string }[],
  /** Image for social cards when an article has no hero image (site-relative, in public/). */
  defaultSocialImage: '/social-card.png',
} as const;
