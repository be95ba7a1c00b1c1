import type { APIRoute, GetStaticPaths } from 'astro';
import { htmlLang, localeStaticPaths, routes, useTranslations, type Locale } from '../../lib/i18n';
import { webManifest } from '../../lib/manifest';
import { siteConfig } from '../../site.config';
import { href } from '../../url';

export const getStaticPaths = (() => localeStaticPaths()) satisfies GetStaticPaths;

/** The web app manifest of a language: its name, home page and icons. */
export const GET: APIRoute = ({ props }) => {
  const { locale } = props as { locale: Locale };
  return new Response(
    webManifest({
      name: siteConfig.title[locale],
      description: useTranslations(locale)['site.tagline'],
      lang: htmlLang[locale],
      startUrl: href(routes.home(locale)),
      icons: [
        { src: href('/icon-192.png'), sizes: '192x192', type: 'image/png' },
        { src: href('/icon-512.png'), sizes: '512x512', type: 'image/png' },
        { src: href('/favicon.svg'), sizes: 'any', type: 'image/svg+xml' },
      ],
      background: '#fcfbf9',
      theme: '#ad3d07',
    }),
    { headers: { 'Content-Type': 'application/manifest+json; charset=utf-8' } },
  );
};
