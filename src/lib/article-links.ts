import type { HastPluginDefinition } from 'satteri';
import { withBase } from './i18n/paths';

/**
 * Link rules for article bodies, applied by the Markdown processor: authors write site-relative
 * links ("/posts/x/") and the build adds the deployment base; links to other sites open safely.
 */

/** Adds the base to a site-relative href ("/posts/x/" → "/blog/posts/x/"); leaves others alone. */
export function prefixBase(href: string, base: string): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const trimmed = base.replace(/\/+$/, '');
  if (trimmed && (href === trimmed || href.startsWith(`${trimmed}/`))) return href;
  return withBase(href, base);
}

/** True for absolute http(s) links and protocol-relative ones: links that leave the site. */
export function isExternal(href: string): boolean {
  return /^(https?:)?\/\//i.test(href);
}

/** Sätteri hast plugin applying both rules to <a href> and <img src> in Markdown and MDX. */
export function articleLinksPlugin(base: string): HastPluginDefinition {
  return {
    name: 'article-links',
    element: {
      filter: ['a', 'img'],
      visit(node, ctx) {
        const attr = node.tagName === 'a' ? 'href' : 'src';
        const value = node.properties?.[attr];
        if (typeof value !== 'string') return;
        const prefixed = prefixBase(value, base);
        if (prefixed !== value) ctx.setProperty(node, attr, prefixed);
        if (node.tagName === 'a' && isExternal(value)) ctx.setProperty(node, 'rel', ['noopener', 'noreferrer']);
      },
    },
  };
}
