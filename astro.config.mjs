// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import {
  transformerNotationDiff,
  transformerNotationHighlight,
} from '@shikijs/transformers';
import { siteConfig } from './src/site.config.ts';
import { transformerCodeFigure, transformerLineHighlight } from './src/lib/code-blocks.ts';

/**
 * Wiring only. `SITE_URL` overrides the production origin and `BASE_PATH` serves the whole site
 * under a sub-path (e.g. BASE_PATH=/blog for https://example.com/blog/).
 */
export default defineConfig({
  site: process.env.SITE_URL || siteConfig.url,
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  integrations: [mdx()],
  markdown: {
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      transformers: [
        transformerNotationDiff({ matchAlgorithm: 'v3' }),
        transformerNotationHighlight({ matchAlgorithm: 'v3' }),
        transformerLineHighlight(),
        transformerCodeFigure(),
      ],
    },
  },
});
