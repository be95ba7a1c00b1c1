import { z } from 'astro/zod';
import { SLUG_PATTERN } from './slug';

/**
 * Front matter schemas. They take the `image()` helper as an argument (Astro passes it to the
 * collection schema), so this module has no `astro:*` imports and can be unit-tested with a stub.
 * Messages say what is wrong and what a valid value looks like, because authors read them in a
 * failed build.
 */

const slug = (what: string) =>
  z.string({ error: `${what} must be text` }).regex(SLUG_PATTERN, {
    error: `${what} must be a lower-case slug such as "event-driven" (letters, digits and single hyphens)`,
  });

const date = (what: string) =>
  z.coerce.date({
    error: `${what} must be a valid date such as 2026-11-22 or 2026-11-22T10:00:00+01:00`,
  });

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} is required and must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(max, { error: `${what} must be at most ${max} characters` });

/**
 * Front matter of an article in content/posts/<lang>/<slug>.md(x). Generic over Astro's image()
 * helper so the hero image keeps its ImageMetadata type in pages.
 */
export function postSchema<Image extends z.ZodType>(image: () => Image) {
  return z
    .strictObject(
      {
        title: text('title', 120),
        description: text('description', 300),
        pubDate: date('pubDate'),
        updatedDate: date('updatedDate').optional(),
        tags: z
          .array(slug('each tag'), { error: 'tags must be a list, e.g. [lambda, cost]' })
          .min(1, { error: 'tags needs at least one tag, e.g. [lambda]' }),
        draft: z.boolean({ error: 'draft must be true or false' }).default(false),
        translationKey: slug('translationKey').optional(),
        heroImage: image().optional(),
        heroAlt: text('heroAlt', 300).optional(),
        series: text('series', 80).optional(),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed: title, description, pubDate, updatedDate, tags, draft, translationKey, heroImage, heroAlt, series`
            : undefined,
      },
    )
    .superRefine((data, ctx) => {
      if (data.updatedDate && data.updatedDate < data.pubDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['updatedDate'],
          message: 'updatedDate must not be earlier than pubDate',
        });
      }
      if (data.heroImage && !data.heroAlt) {
        ctx.addIssue({
          code: 'custom',
          path: ['heroAlt'],
          message: 'heroAlt is required when heroImage is set (describe the image for screen readers)',
        });
      }
      if (new Set(data.tags).size !== data.tags.length) {
        ctx.addIssue({ code: 'custom', path: ['tags'], message: 'tags must not repeat' });
      }
    });
}

/** Front matter of a standalone page such as content/pages/<lang>/about.md. */
export const pageSchema = z.strictObject({
  title: text('title', 120),
  description: text('description', 300),
  updatedDate: date('updatedDate').optional(),
});
