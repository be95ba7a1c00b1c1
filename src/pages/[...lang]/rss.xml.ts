import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { postsFor } from '../../content/queries';
import { htmlLang, localeStaticPaths, routes, useTranslations, type Locale } from '../../lib/i18n';
import { siteConfig } from '../../site.config';
import { absolute } from '../../url';

export const getStaticPaths = (() => localeStaticPaths()) satisfies GetStaticPaths;

/** The language's feed. Links are absolute here because @astrojs/rss drops the base of "/…" links. */
export const GET: APIRoute = async ({ props }) => {
  const locale = (props as { locale: Locale }).locale;
  const t = useTranslations(locale);
  const posts = await postsFor(locale);
  return rss({
    title: siteConfig.title[locale],
    description: t['site.intro'],
    site: absolute(routes.home(locale)),
    items: posts.map((post) => ({
      title: post.title,
      link: absolute(routes.post(locale, post.slug)),
      pubDate: post.pubDate,
      description: post.description,
      categories: post.tags,
    })),
    customData: `<language>${htmlLang[locale]}</language>`,
  });
};
