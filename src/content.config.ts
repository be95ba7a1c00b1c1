import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { htmlOnDisk } from './content/loaders';
import { factsSchema, pageSchema, postSchema } from './lib/schema';

/**
 * Articles live outside src/ in content/posts/<lang>/<slug>.md(x). The id keeps the relative path
 * with its extension, so two files that would collide ("x.md" and "x.mdx") both reach our own
 * duplicate check and fail the build with both names, instead of one silently replacing the other.
 */
const posts = defineCollection({
  // Rendered Markdown is kept in files rather than in Astro's data store (see loaders.ts).
  loader: htmlOnDisk(
    glob({
      base: './content/posts',
      pattern: '**/*.{md,mdx}',
      generateId: ({ entry }) => entry,
    }),
  ),
  schema: ({ image }) => postSchema(image),
});

const pages = defineCollection({
  loader: glob({ base: './content/pages', pattern: '**/*.{md,mdx}' }),
  schema: pageSchema,
});

/**
 * Prices and limits shared by articles and tools, one file per subject in content/data (the
 * Chinese term list beside them is for authors and tests, not a facts file).
 */
const facts = defineCollection({
  loader: glob({ base: './content/data', pattern: ['*.{yaml,yml,json}', '!terms.yaml'] }),
  schema: factsSchema,
});

export const collections = { posts, pages, facts };
