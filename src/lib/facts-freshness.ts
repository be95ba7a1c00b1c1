/**
 * Finds the sourced figures in a facts file that are older than a given age. Every figure in
 * content/data sits in an object with `source`, `asOf` and `provenance`; this walks any parsed file
 * and reports each such object whose `asOf` is too old, by its path in the file.
 */

export interface StaleFact {
  /** Where the figure sits in its file, e.g. "prices[1]" or "limits.maxVcpu". */
  path: string;
  asOf: Date;
  /** Whole months between `asOf` and now, rounded down. */
  ageMonths: number;
}

/** Whole calendar months from `from` to `to`, rounded down (0 when `to` is earlier). */
export function monthsBetween(from: Date, to: Date): number {
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  const adjusted = to.getUTCDate() < from.getUTCDate() ? months - 1 : months;
  return Math.max(0, adjusted);
}

function asDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** Every sourced figure in `data` (a parsed facts file) older than `maxMonths` at `now`. */
export function staleFacts(data: unknown, now: Date, maxMonths = 12): StaleFact[] {
  const found: StaleFact[] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}[${i}]`));
      return;
    }
    if (!node || typeof node !== 'object' || node instanceof Date) return;
    const record = node as Record<string, unknown>;
    const asOf = 'source' in record ? asDate(record['asOf']) : undefined;
    if (asOf) {
      const ageMonths = monthsBetween(asOf, now);
      if (ageMonths >= maxMonths) found.push({ path: path || '(top level)', asOf, ageMonths });
    }
    for (const [key, value] of Object.entries(record)) walk(value, path ? `${path}.${key}` : key);
  };
  walk(data, '');
  return found;
}

/** The newest and oldest `asOf` among the sourced figures in `data`, or undefined if it has none. */
export function asOfRange(data: unknown): { oldest: Date; newest: Date } | undefined {
  const all = staleFacts(data, new Date(8.64e15), 0).map((f) => f.asOf);
  if (all.length === 0) return undefined;
  const times = all.map((d) => d.getTime());
  return { oldest: new Date(Math.min(...times)), newest: new Date(Math.max(...times)) };
}

/**
 * The parts of content/data each article component shows, as paths into the facts files. An
 * article that uses one of these quotes the figures there, so its freshness is theirs.
 */
export const COMPONENT_DATA: Record<string, readonly string[]> = {
  PriceTable: ['lambda.prices', 'fargate.prices'],
  LambdaLimits: ['lambda.limits'],
  FargateTaskSizes: ['fargate.taskSizes'],
  CostCalculator: [
    'lambda.prices',
    'lambda.freeTier',
    'lambda.provisionedConcurrency',
    'lambda.limits',
    'fargate',
    'lambdaOptions.managedInstances',
    'frontDoor',
    'platform.natGateway',
    'platform.publicIpv4',
    'platform.computeSavingsPlans',
  ],
};

/** How current the figures an article shows are: the range of their as-of dates, and whether any is old. */
export interface ArticleFreshness {
  oldest: Date;
  newest: Date;
  /** At least one figure was read more than `maxMonths` before the build. */
  stale: boolean;
}

function at(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], data);
}

/**
 * The freshness of the figures shown by the components an article uses, from the facts (keyed as
 * in COMPONENT_DATA paths), at the build date; undefined when it shows none.
 */
export function articleFreshness(
  components: readonly string[],
  facts: Record<string, unknown>,
  now: Date,
  maxMonths = 6,
): ArticleFreshness | undefined {
  const parts = components.flatMap((c) => (COMPONENT_DATA[c] ?? []).map((path) => at(facts, path)));
  const range = asOfRange(parts);
  if (!range) return undefined;
  return { ...range, stale: monthsBetween(range.oldest, now) >= maxMonths };
}

/**
 * The day a build takes as today, for the age of the figures in content/data: SITE_BUILD_DATE
 * (YYYY-MM-DD) when set, so that tests and reproducible builds can pin it, else `clock`.
 */
export function buildDate(env: Record<string, string | undefined>, clock: () => Date = () => new Date()): Date {
  const pinned = env['SITE_BUILD_DATE'];
  if (!pinned) return clock();
  const date = new Date(`${pinned}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned) || Number.isNaN(date.getTime())) {
    throw new Error(`SITE_BUILD_DATE must be a date such as 2026-12-03, not "${pinned}"`);
  }
  return date;
}
