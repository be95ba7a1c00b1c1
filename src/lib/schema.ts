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
  /** An article meant for one language only: the build then expects no translation of it. */
  singleLanguage: z.boolean({ error: 'singleLanguage must be true or false' }).default(false),
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
            ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed: title, description, pubDate, updatedDate, tags, draft, translationKey, heroImage, heroAlt, series, singleLanguage`
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

/** How close a figure is to AWS: its own page, a third party's copy of that page, or a third party. */
export const PROVENANCES = ['official', 'transcription', 'third-party'] as const;
export type Provenance = (typeof PROVENANCES)[number];

/**
 * Where a figure comes from, when it was read and how close the source is to AWS: every number in
 * content/data carries all three, and the build fails on one without them.
 */
const sourced = {
  source: z.strictObject(
    { title: text('source.title', 200), url: z.url({ error: 'source.url must be a URL' }) },
    { error: 'source is required: { title, url } of the page the figure comes from' },
  ),
  asOf: date('asOf'),
  provenance: z.enum(PROVENANCES, {
    error:
      'provenance is required: official (an AWS page), transcription (a third-party copy of an AWS page) or third-party',
  }),
  note: text('note', 300).optional(),
};
const positive = (what: string) =>
  z.number({ error: `${what} must be a number` }).positive({ error: `${what} must be above 0` });
const architecture = z.enum(['x86_64', 'arm64'], { error: 'architecture must be x86_64 or arm64' });
const limit = z.strictObject({ value: positive('value'), ...sourced });
/** A single sourced figure with its unit, for the files whose figures are mostly one number each. */
const figure = z.strictObject({ value: positive('value'), unit: text('unit', 40), ...sourced });
const fraction = (what: string) => positive(what).max(1, { error: `${what} is a fraction such as 0.15` });
/** A discount as a fraction, with its unit and source. */
const discount = z.strictObject({
  value: fraction('value'),
  unit: text('unit', 80),
  ...sourced,
});
const usdPerMillionTiers = z
  .array(
    z.strictObject({
      upToMillions: positive('upToMillions').optional(),
      perMillion: positive('perMillion'),
    }),
  )
  .min(1)
  .refine((tiers) => tiers.at(-1)?.upToMillions === undefined, {
    error: 'the last tier must have no upToMillions (it covers all further requests)',
  });

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
  provisionedConcurrency: z.strictObject({
    architecture,
    perGbSecondConfigured: positive('perGbSecondConfigured'),
    perGbSecondDuration: positive('perGbSecondDuration'),
    ...sourced,
  }),
  snapStart: z.strictObject({
    cachePerGbSecond: positive('cachePerGbSecond'),
    restorePerGb: positive('restorePerGb'),
    ...sourced,
  }),
  initBilling: z.strictObject({ since: date('since'), ...sourced }),
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
    streamedUncappedMb: limit,
    streamedBandwidthMBps: limit,
    zipPackageMb: limit,
    unzippedPackageMb: limit,
    containerImageGb: limit,
    concurrency: limit,
    scalingPer10Seconds: limit,
    initSeconds: limit,
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
    maxDiscount: fraction('maxDiscount'),
    architectures: z.array(architecture).min(1),
    arm64Since: date('arm64Since'),
    warningSeconds: positive('warningSeconds'),
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
  launchRate: z.strictObject({
    burst: positive('burst'),
    perSecond: positive('perSecond'),
    runTaskCallsPerSecond: positive('runTaskCallsPerSecond'),
    tasksPerRunTaskCall: positive('tasksPerRunTaskCall'),
    ...sourced,
  }),
  startTimeoutSeconds: limit,
  taskSizes: z.strictObject({
    sizes: z.array(z.strictObject({ vcpu: positive('vcpu'), memoryGb: memoryChoice })).min(1),
    ...sourced,
  }),
});

/** content/data/lambda-2026.yaml: Managed Instances, durable functions and MicroVMs. */
export const lambdaOptionsFactsSchema = z.strictObject({
  service: z.literal('lambda-options'),
  managedInstances: z.strictObject({
    requestsPerMillion: figure,
    managementFee: z.strictObject({ fraction: fraction('fraction'), ...sourced }),
    defaultInstances: figure,
    asyncTimeoutSeconds: figure,
    maxExecutionEnvironments: figure,
    /** EC2 instance types the calculator offers, with their on-demand Linux price in us-east-1. */
    instanceTypes: z
      .array(
        z.strictObject({
          name: text('name', 40),
          architecture,
          vcpu: positive('vcpu'),
          memoryGb: positive('memoryGb'),
          perHour: positive('perHour'),
          ...sourced,
        }),
      )
      .min(1),
  }),
  durableFunctions: z.strictObject({
    maxExecutionSeconds: figure,
    perInvocationSeconds: figure,
    perMillionOperations: figure,
    perGbWritten: figure,
    perGbMonthRetained: figure,
  }),
  microVms: z.strictObject({
    maxLifetimeHours: figure,
    billingGranularitySeconds: figure,
    perVcpuSecond: figure,
    perGbSecond: figure,
    snapshotPerGbMonth: figure,
  }),
});

/** content/data/front-door.yaml: what receives requests before the compute, priced. */
export const frontDoorFactsSchema = z.strictObject({
  service: z.literal('front-door'),
  functionUrl: z.strictObject({ perMillion: z.number().min(0), ...sourced }),
  httpApi: z.strictObject({ tiers: usdPerMillionTiers, timeoutSeconds: positive('timeoutSeconds'), ...sourced }),
  restApi: z.strictObject({ tiers: usdPerMillionTiers, timeoutSeconds: positive('timeoutSeconds'), ...sourced }),
  alb: z.strictObject({ perHour: positive('perHour'), perLcuHour: positive('perLcuHour'), ...sourced }),
  lcu: z.strictObject({
    newConnectionsPerSecond: positive('newConnectionsPerSecond'),
    activeConnectionsPerMinute: positive('activeConnectionsPerMinute'),
    gbPerHourTargets: positive('gbPerHourTargets'),
    gbPerHourLambdaTargets: positive('gbPerHourLambdaTargets'),
    ruleEvaluationsPerSecond: positive('ruleEvaluationsPerSecond'),
    ...sourced,
  }),
});

/** content/data/platform.yaml: networking, discounts and the EKS fee that tip the whole bill. */
export const platformFactsSchema = z.strictObject({
  service: z.literal('platform'),
  natGateway: z.strictObject({ perHour: positive('perHour'), perGb: positive('perGb'), ...sourced }),
  publicIpv4: z.strictObject({ perHour: positive('perHour'), since: date('since'), ...sourced }),
  interfaceEndpoint: z.strictObject({ perAzHour: positive('perAzHour'), perGb: positive('perGb'), ...sourced }),
  eks: z.strictObject({
    perClusterHour: positive('perClusterHour'),
    perClusterHourExtended: positive('perClusterHourExtended'),
    ...sourced,
  }),
  computeSavingsPlans: z.strictObject({ ec2: discount, lambda: discount, fargate: discount }),
});

/** Every facts file, told apart by `service`. */
export const factsSchema = z.discriminatedUnion('service', [
  lambdaFactsSchema,
  fargateFactsSchema,
  lambdaOptionsFactsSchema,
  frontDoorFactsSchema,
  platformFactsSchema,
]);
