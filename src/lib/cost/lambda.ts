import {
  CostInputError,
  type Architecture,
  type CostErrorCode,
  type CostErrorParams,
  type LambdaFacts,
  type LambdaPrice,
} from './types';

export interface LambdaInput {
  requestsPerMonth: number;
  /** Average duration of one invocation, in milliseconds (billed rounded up to 1 ms). */
  durationMs: number;
  memoryMb: number;
  architecture: Architecture;
  /** Ephemeral storage (/tmp) configured; the first 512 MB are free. */
  ephemeralStorageMb: number;
  freeTier: boolean;
  region?: string;
}

export interface LambdaCost {
  billedDurationMs: number;
  gbSeconds: number;
  requestCost: number;
  durationCost: number;
  storageCost: number;
  total: number;
}

function check(ok: boolean, field: string, code: CostErrorCode, params: CostErrorParams = {}): void {
  if (!ok) throw new CostInputError(field, code, params);
}

/** The price list for a Region and architecture, or a clear error. */
export function lambdaPrice(facts: LambdaFacts, architecture: Architecture, region = 'us-east-1'): LambdaPrice {
  const price = facts.prices.find((p) => p.architecture === architecture && p.region === region);
  if (!price) throw new CostInputError('architecture', 'noPrice', { service: 'Lambda', architecture, region });
  return price;
}

/** Duration cost of the GB-seconds between `from` and `to`, walking the usage tiers. */
export function tieredDurationCost(price: LambdaPrice, from: number, to: number): number {
  let cost = 0;
  let tierStart = 0;
  for (const tier of price.durationTiers) {
    const tierEnd = tier.upToGbSeconds ?? Number.POSITIVE_INFINITY;
    const overlap = Math.max(0, Math.min(to, tierEnd) - Math.max(from, tierStart));
    cost += overlap * tier.perGbSecond;
    tierStart = tierEnd;
  }
  return cost;
}

/** Validates a Lambda configuration against the documented limits. */
export function validateLambdaInput(input: LambdaInput, facts: LambdaFacts): void {
  const { memoryMb, ephemeralStorageMb, timeoutSeconds } = facts.limits;
  check(
    Number.isFinite(input.requestsPerMonth) && input.requestsPerMonth >= 0 && input.requestsPerMonth <= 1e12,
    'requestsPerMonth',
    'requestsRange',
    { max: 1e12 },
  );
  check(input.durationMs > 0, 'durationMs', 'durationMin');
  check(input.durationMs <= timeoutSeconds.value * 1000, 'durationMs', 'durationMax', {
    seconds: timeoutSeconds.value,
    ms: timeoutSeconds.value * 1000,
  });
  check(
    Number.isInteger(input.memoryMb) && input.memoryMb >= memoryMb.min && input.memoryMb <= memoryMb.max,
    'memoryMb',
    'memoryRange',
    { min: memoryMb.min, max: memoryMb.max },
  );
  check(
    Number.isInteger(input.ephemeralStorageMb) &&
      input.ephemeralStorageMb >= ephemeralStorageMb.min &&
      input.ephemeralStorageMb <= ephemeralStorageMb.max,
    'ephemeralStorageMb',
    'ephemeralRange',
    { min: ephemeralStorageMb.min, max: ephemeralStorageMb.max },
  );
}

/**
 * Monthly Lambda cost: a fee per request plus duration in GB-seconds (duration rounded up to the
 * next millisecond, times memory), priced by usage tier, plus ephemeral storage above the free
 * 512 MB. With the free tier, the first requests and GB-seconds of the month cost nothing.
 */
export function lambdaMonthlyCost(input: LambdaInput, facts: LambdaFacts): LambdaCost {
  validateLambdaInput(input, facts);
  const price = lambdaPrice(facts, input.architecture, input.region);
  // Round first to 1e-9 ms so 200 written as 200.00000000003 by float maths is not billed 201.
  const billedDurationMs = Math.ceil(Number(input.durationMs.toFixed(9)));
  const seconds = (input.requestsPerMonth * billedDurationMs) / 1000;
  const gbSeconds = seconds * (input.memoryMb / 1024);
  const freeRequests = input.freeTier ? facts.freeTier.requests : 0;
  const freeGbSeconds = input.freeTier ? facts.freeTier.gbSeconds : 0;
  const requestCost = (Math.max(0, input.requestsPerMonth - freeRequests) * price.requestsPerMillion) / 1e6;
  const durationCost = tieredDurationCost(price, Math.min(freeGbSeconds, gbSeconds), gbSeconds);
  const extraStorageGb = Math.max(0, input.ephemeralStorageMb - facts.limits.ephemeralStorageMb.free) / 1024;
  const storageCost = extraStorageGb * seconds * price.ephemeralStoragePerGbSecond;
  return {
    billedDurationMs,
    gbSeconds,
    requestCost,
    durationCost,
    storageCost,
    total: requestCost + durationCost + storageCost,
  };
}
