import { isLocale, locales, type Locale } from './i18n/locales';

/** Lower-case, hyphen-separated slug: what tags, slugs and translation keys must look like. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when a string is a valid lower-case slug. */
export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/**
 * Splits a collection entry's path ("en/my-post.md", relative to content/posts) into its locale
 * and slug. The folder is the language and the file name is the slug; anything else is an
 * authoring mistake that should stop the build with a message saying how to fix it.
 */
export function parsePostPath(relativePath: string): { locale: Locale; slug: string } {
  const parts = relativePath.replace(/\\/g, '/').split('/');
  const [folder, file] = parts;
  if (parts.length !== 2 || folder === undefined || file === undefined) {
    throw new Error(
      `${relativePath}: articles must sit directly in a language folder, e.g. content/posts/en/my-post.md`,
    );
  }
  if (!isLocale(folder)) {
    throw new Error(`${relativePath}: unknown language folder "${folder}". Use one of: ${locales.join(', ')}.`);
  }
  const slug = file.replace(/\.(md|mdx)$/i, '');
  if (!isSlug(slug)) {
    throw new Error(
      `${relativePath}: the file name "${slug}" is used as the URL slug and must be lower-case words separated by hyphens, e.g. "lambda-cold-starts".`,
    );
  }
  return { locale: folder, slug };
}
