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

/** Article fields other than the hero image, built once: Astro calls the schema for every entry. */
const postFields = {
  title: text('title', 120),
  description: text('description', 300),
  pubDate: date('pubDate'),
  updatedDate: date('updatedDate').optional(),
  tags: z
    .array(slug('each tag'), { error: 'tags must be a list, e.g. [lambda, cost]' })
    .min(1, { error: 'tags needs at least one tag, e.g. [lambda]' }),
  draft: z.boolean({ error: 'draft must be true or false' }).default(false),
  translationKey: slug('translationKey').optional(),
  heroAlt: text('heroAlt', 300).optional(),
  series: text('series', 80).optional(),
};

/**
 * Front matter of an article in content/posts/<lang>/<slug>.md(x). Generic over Astro's image()
 * helper so the hero image keeps its ImageMetadata type in pages.
 */
export function postSchema<Image extends z.ZodType>(image: () => Image) {
  return z
    .strictObject(
      {
        ...postFields,
        heroImage: image().optional(),
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

/** Where a figure comes from and when it was read: every number in content/data carries one. */
const sourced = {
  source: z.strictObject({ title: text('source.title', 200), url: z.url({ error: 'source.url must be a URL' }) }),
  asOf: date('asOf'),
};
const positive = (what: string) =>
  z.number({ error: `${what} must be a number` }).positive({ error: `${what} must be above 0` });
const architecture = z.enum(['x86_64', 'arm64'], { error: 'architecture must be x86_64 or arm64' });
const limit = z.strictObject({ value: positive('value'), ...sourced });

/** content/data/lambda.yaml: Lambda prices per Region and architecture, free tier and limits. */
export const lambdaFactsSchema = z.strictObject({
  service: z.literal('lambda'),
  prices: z
    .array(
      z.strictObject({
        region: z.string().min(1),
        architecture,
        requestsPerMillion: positive('requestsPerMillion'),
        durationTiers: z
          .array(
            z.strictObject({
              upToGbSeconds: positive('upToGbSeconds').optional(),
              perGbSecond: positive('perGbSecond'),
            }),
          )
          .min(1)
          .refine((tiers) => tiers.at(-1)?.upToGbSeconds === undefined, {
            error: 'the last duration tier must have no upToGbSeconds (it covers all further usage)',
          }),
        ephemeralStoragePerGbSecond: positive('ephemeralStoragePerGbSecond'),
        ...sourced,
      }),
    )
    .min(1),
  freeTier: z.strictObject({ requests: positive('requests'), gbSeconds: positive('gbSeconds'), ...sourced }),
  limits: z.strictObject({
    timeoutSeconds: limit,
    memoryMb: z.strictObject({ min: positive('min'), max: positive('max'), step: positive('step'), ...sourced }),
    mbPerVcpu: limit,
    maxVcpu: limit,
    ephemeralStorageMb: z.strictObject({
      min: positive('min'),
      max: positive('max'),
      free: positive('free'),
      ...sourced,
    }),
    syncPayloadMb: limit,
    asyncPayloadMb: limit,
    streamedResponseMb: limit,
    zipPackageMb: limit,
    unzippedPackageMb: limit,
    containerImageGb: limit,
    concurrency: limit,
    scalingPer10Seconds: limit,
  }),
});

const memoryChoice = z.union([
  z.array(positive('memoryGb')).min(1),
  z.strictObject({ min: positive('min'), max: positive('max'), step: positive('step') }),
]);

/** content/data/fargate.yaml: Fargate prices, Spot, billing rules, storage and valid task sizes. */
export const fargateFactsSchema = z.strictObject({
  service: z.literal('fargate'),
  prices: z
    .array(
      z.strictObject({
        region: z.string().min(1),
        architecture,
        perVcpuHour: positive('perVcpuHour'),
        perGbHour: positive('perGbHour'),
        ...sourced,
      }),
    )
    .min(1),
  spot: z.strictObject({
    maxDiscount: positive('maxDiscount').max(1, { error: 'maxDiscount is a fraction such as 0.7' }),
    architectures: z.array(architecture).min(1),
    ...sourced,
  }),
  billing: z.strictObject({
    granularitySeconds: positive('granularitySeconds'),
    minimumSeconds: positive('minimumSeconds'),
    ...sourced,
  }),
  storage: z.strictObject({
    includedGb: positive('includedGb'),
    maxGb: positive('maxGb'),
    perGbHour: positive('perGbHour'),
    ...sourced,
  }),
  taskSizes: z.strictObject({
    sizes: z.array(z.strictObject({ vcpu: positive('vcpu'), memoryGb: memoryChoice })).min(1),
    ...sourced,
  }),
});

/** Either facts file, told apart by `service`. */
export const factsSchema = z.discriminatedUnion('service', [lambdaFactsSchema, fargateFactsSchema]);
