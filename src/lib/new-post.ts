import { useTranslations, type Locale } from './i18n';
import { isSlug } from './slug';

/** Turns a title into a URL slug of lower-case ASCII words ("Cold Starts, Explained" → "cold-starts-explained"). */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface NewPostOptions {
  title: string;
  locale: Locale;
  /** Today's date as YYYY-MM-DD; the CLI passes it in so this stays pure. */
  today: string;
  slug?: string | undefined;
  tags?: string[] | undefined;
}

/**
 * The file for a new article: its path under content/posts and Markdown with valid front matter.
 * New articles start as drafts, so nothing is published until the author says so.
 */
export function newPost(options: NewPostOptions): { path: string; content: string } {
  const title = options.title.trim();
  if (!title) throw new Error('Give the article a title: npm run new -- "My title"');
  const slug = options.slug ?? slugify(title);
  if (!slug) {
    throw new Error(
      `"${title}" has no Latin letters or digits to make a URL from. Add --slug, e.g. --slug lambda-cold-starts`,
    );
  }
  if (!isSlug(slug))
    throw new Error(`--slug "${slug}" must be lower-case words separated by hyphens, e.g. lambda-cold-starts`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new Error(`today must be YYYY-MM-DD, got "${options.today}"`);
  const tags = options.tags?.length ? options.tags : ['fundamentals'];
  const bad = tags.find((t) => !isSlug(t));
  if (bad) throw new Error(`tag "${bad}" must be a lower-case slug such as "event-driven"`);
  const t = useTranslations(options.locale);
  const content = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `description: ${JSON.stringify(t['newPost.description'])}`,
    `pubDate: ${options.today}`,
    `tags: [${tags.join(', ')}]`,
    'draft: true',
    '---',
    '',
    `## ${t['newPost.introduction']}`,
    '',
    t['newPost.body'],
    '',
    `## ${t['article.sourcesHeading']}`,
    '',
  ].join('\n');
  return { path: `content/posts/${options.locale}/${slug}.md`, content };
}
