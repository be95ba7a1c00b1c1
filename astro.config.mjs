// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { siteConfig } from './src/site.config.ts';
import { defaultLocale, htmlLang, locales } from './src/lib/i18n/locales.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { feedItemCache } from './src/integrations/feed-item-cache.ts';
import { localized404 } from './src/integrations/localized-404.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { highlightInWorkers } from './src/integrations/highlight/index.ts';
import { articleLinksPlugin } from './src/lib/article-links.ts';
import { articleCallouts } from './src/integrations/callouts.ts';

const base = process.env.BASE_PATH || '/';

/**
 * Wiring only. `SITE_URL` overrides the production origin and `BASE_PATH` serves the whole site
 * under a sub-path (e.g. BASE_PATH=/blog for https://example.com/blog/).
 */
export default defineConfig({
  site: process.env.SITE_URL || siteConfig.url,
  base,
  trailingSlash: 'always',
  // Four pages at a time: rendering one page at a time left the JavaScript thread waiting on the
  // disk for about half of the time (each page is a folder, a file and a copy in Astro's cache).
  // At 1,000 articles the routes took 19.7 s instead of 9.3 s (docs/performance.md).
  build: { concurrency: 4 },
  integrations: [
    contentCheck(),
    mdx(),
    sitemap({
      i18n: { defaultLocale, locales: htmlLang },
      filter: (page) => !/\/404(\.html|\/)?$/.test(page),
    }),
    // Every locale's 404 page, the default one's at the root ("."), moved to where static hosts look.
    localized404(locales.map((l) => (l === defaultLocale ? '.' : l))),
    securityHeaders(),
    // Article pages hold the searchable text; they are indexed once the site is written.
    pagefindIndex({ routes: ['src/pages/[...lang]/posts/[slug].astro'] }),
    // Feed items of unchanged articles are reused from the last build (src/content/feed-items.ts).
    feedItemCache(),
  ],
  experimental: {
    // Pages whose data and code are unchanged are copied from the last build (node_modules/.astro)
    // instead of rendered; routes give each page a cacheKey (src/content/queries.ts).
    incrementalBuild: true,
  },
  security: {
    // A strict Content-Security-Policy in a <meta> tag on every page; Astro hashes its own scripts
    // and styles, and no element carries a style attribute (code colours are classes). Pagefind
    // needs 'wasm-unsafe-eval' and a blob: worker.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  markdown: {
    // Code blocks are highlighted by Astro's Shiki highlighter running in worker threads
    // (src/integrations/highlight), for Markdown and MDX alike, with the settings in
    // src/lib/code-blocks.ts; Astro's in-thread highlighting is therefore off.
    syntaxHighlight: false,
    processor: satteri({ hastPlugins: [highlightInWorkers(), articleLinksPlugin(base), articleCallouts()] }),
  },
});
