import { findCrossFileProblems, toPost, type PostSource } from '../posts';

/** An article by its place in content/posts ("en/my-post.md") and its translation key, if any. */
export interface ArticleRef {
  path: string;
  translationKey?: string | undefined;
}

/**
 * Runs the site's own cross-file check (one article per slug and language, translation keys that
 * pair real articles) over the site's articles plus the imported ones, and returns the messages
 * about each imported article, so a clash is reported at import time instead of failing the build.
 */
export function crossFileProblems(site: readonly ArticleRef[], imported: readonly ArticleRef[]): Map<string, string[]> {
  const replaced = new Set(imported.map((a) => a.path));
  const all = [...site.filter((a) => !replaced.has(a.path)), ...imported];
  const sources: PostSource[] = all.map((a) => ({
    id: a.path,
    path: a.path,
    readingMinutes: 1,
    data: {
      title: a.path,
      description: a.path,
      pubDate: new Date(0),
      tags: ['x'],
      draft: false,
      translationKey: a.translationKey,
    },
  }));
  const result = new Map<string, string[]>();
  let messages: string[];
  try {
    messages = findCrossFileProblems(sources, sources.map(toPost));
  } catch (error) {
    // A site file with an impossible path fails the build on its own; it says nothing about the import.
    messages = [String(error instanceof Error ? error.message : error)];
  }
  for (const article of imported) {
    const own = messages.filter((m) => m.startsWith(`${article.path}:`)).map((m) => m.slice(article.path.length + 2));
    if (own.length > 0) result.set(article.path, own);
  }
  return result;
}
