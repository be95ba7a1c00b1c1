import type { Locale } from '../i18n/locales';
import { slugify } from './text';
import type { LinkTarget } from './types';

const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Finds the article a wiki link or a link to a `.md` file means: by file name, title, slug or
 * alias, ignoring case, spacing and punctuation. A match in the linking post's language wins, so
 * a Chinese post links to the Chinese translation when both exist.
 */
export function resolveLink(
  targets: readonly LinkTarget[],
  name: string,
  locale: Locale,
): { locale: Locale; slug: string } | undefined {
  const wanted = key(name);
  const wantedSlug = slugify(name);
  if (wanted === '') return undefined;
  const matches = targets.filter((t) =>
    t.names.some((n) => key(n) === wanted || (wantedSlug !== '' && slugify(n) === wantedSlug)),
  );
  const best = matches.find((t) => t.locale === locale) ?? matches[0];
  return best && { locale: best.locale, slug: best.slug };
}
