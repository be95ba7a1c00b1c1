import { describe, expect, it } from 'vitest';
import {
  billedSeconds,
  breakEven,
  CostInputError,
  fargateMonthlyCost,
  lambdaMonthlyCost,
  memoryOptions,
  validateTaskSize,
  type LambdaInput,
} from '../../src/lib/cost';
import { calcEn } from '../../src/lib/i18n/calc.en';
import { loadFacts } from '../helpers/facts';

/** The English message a failed call would show, or undefined if it succeeded. */
function message(call: () => unknown): string | undefined {
  try {
    call();
  } catch (error) {
    if (error instanceof CostInputError) return calcEn.errors[error.code](error.params);
    throw error;
  }
  return undefined;
}

/** Worked examples and test vectors from the fact sheet (§6), checked to the cent. */
const facts = loadFacts();
const cents = (x: number) => Math.round(x * 100) / 100;
const lambda = (overrides: Partial<LambdaInput>) =>
  lambdaMonthlyCost(
    {
      requestsPerMonth: 1_000_000,
      durationMs: 200,
      memoryMb: 512,
      architecture: 'x86_64',
      ephemeralStorageMb: 512,
      freeTier: false,
      ...overrides,
    },
    facts.lambda,
  );
const fargate = (
  vcpu: number,
  memoryGb: number,
  tasks = 1,
  hoursPerMonth = 730,
  architecture: 'x86_64' | 'arm64' = 'x86_64',
  spot = false,
) => fargateMonthlyCost({ vcpu, memoryGb, tasks, hoursPerMonth, architecture, spot }, facts.fargate).total;

describe('Lambda', () => {
  it('workload A: 1M requests, 200 ms, 512 MB', () => {
    expect(lambda({}).gbSeconds).toBe(100_000);
    expect(cents(lambda({}).total)).toBe(1.87);
    expect(cents(lambda({ freeTier: true }).total)).toBe(0);
    expect(cents(lambda({ architecture: 'arm64' }).total)).toBe(1.53);
  });

  it('workload B: steady 50 req/s, 100 ms, 512 MB', () => {
    const b = { requestsPerMonth: 131_400_000, durationMs: 100 };
    expect(lambda(b).gbSeconds).toBe(6_570_000);
    expect(cents(lambda(b).total)).toBe(135.78);
    expect(cents(lambda({ ...b, freeTier: true }).total)).toBe(128.91);
    expect(cents(lambda({ ...b, architecture: 'arm64' }).total)).toBe(113.88);
    expect(cents(lambda({ ...b, architecture: 'arm64', freeTier: true }).total)).toBe(108.35);
  });

  it('workload C split into 15-minute chunks at 4,096 MB', () => {
    const c = { requestsPerMonth: 480, durationMs: 900_000, memoryMb: 4096 };
    expect(lambda(c).gbSeconds).toBe(1_728_000);
    expect(cents(lambda(c).total)).toBe(28.8);
    expect(cents(lambda({ ...c, freeTier: true }).total)).toBe(22.13);
    expect(cents(lambda({ ...c, architecture: 'arm64' }).total)).toBe(23.04);
  });

  it('reproduces AWS’s own example with the old rate: $18.74', () => {
    const old = {
      ...facts.lambda,
      prices: [{ ...facts.lambda.prices[0]!, durationTiers: [{ perGbSecond: 0.00001667 }] }],
    };
    const cost = lambdaMonthlyCost(
      {
        requestsPerMonth: 3_000_000,
        durationMs: 1000,
        memoryMb: 512,
        architecture: 'x86_64',
        ephemeralStorageMb: 512,
        freeTier: true,
      },
      old,
    );
    expect(cents(cost.total)).toBe(18.74);
  });

  it('bills duration in 1 ms steps with no minimum', () => {
    expect(lambda({ durationMs: 1.0001 }).billedDurationMs).toBe(2);
    expect(lambda({ durationMs: 1 }).billedDurationMs).toBe(1);
    expect(lambda({ durationMs: 0.2 }).billedDurationMs).toBe(1);
  });

  it('charges ephemeral storage only above the free 512 MB', () => {
    expect(lambda({}).storageCost).toBe(0);
    // 1M × 0.2 s at 1 GB extra = 200,000 GB-s × $0.0000000309
    expect(lambda({ ephemeralStorageMb: 1536 }).storageCost).toBeCloseTo(0.00618, 8);
  });

  it('applies the usage tiers above 6 billion GB-seconds (x86)', () => {
    const huge = lambda({ requestsPerMonth: 10_000_000_000, durationMs: 1000, memoryMb: 1024 });
    // 10B GB-s: 6B at the first rate and 4B at the 10% lower rate, plus 10,000 million requests.
    expect(cents(huge.durationCost)).toBe(cents(6e9 * 0.0000166667 + 4e9 * 0.000015));
    expect(cents(huge.requestCost)).toBe(2000);
  });

  it('costs nothing at zero traffic', () => {
    expect(lambda({ requestsPerMonth: 0 }).total).toBe(0);
  });

  it('rejects configurations Lambda does not allow, naming the field', () => {
    const field = (o: Partial<LambdaInput>) => {
      try {
        lambda(o);
      } catch (error) {
        return error instanceof CostInputError
          ? [error.field, calcEn.errors[error.code](error.params)]
          : ['?', String(error)];
      }
      return undefined;
    };
    expect(field({ memoryMb: 64 })).toEqual(['memoryMb', 'Memory must be a whole number of MB from 128 to 10,240.']);
    expect(field({ memoryMb: 10241 })?.[0]).toBe('memoryMb');
    expect(field({ durationMs: 900_001 })).toEqual([
      'durationMs',
      'A standard Lambda invocation runs at most 900 seconds (900,000 ms); longer work needs durable functions, Managed Instances or Fargate.',
    ]);
    expect(field({ durationMs: 0 })?.[0]).toBe('durationMs');
    expect(field({ requestsPerMonth: -1 })?.[0]).toBe('requestsPerMonth');
    expect(field({ ephemeralStorageMb: 100 })?.[0]).toBe('ephemeralStorageMb');
  });
});

describe('Fargate', () => {
  it('prices always-on tasks by requested vCPU and memory', () => {
    expect(cents(fargate(0.25, 0.5))).toBe(9.01);
    expect(cents(fargate(0.25, 0.5, 2))).toBe(18.02);
    expect(cents(fargate(0.25, 0.5, 1, 730, 'arm64'))).toBe(7.21);
    expect(cents(fargate(1, 2, 2))).toBe(72.08);
    expect(cents(fargate(1, 2, 2, 730, 'arm64'))).toBe(57.67);
    expect(cents(fargate(0.5, 1, 2))).toBe(36.04);
    expect(cents(fargate(0.5, 1, 2, 730, 'arm64'))).toBe(28.84);
  });

  it('workload C: 2 vCPU / 4 GB for 4 hours, 30 runs a month', () => {
    expect(cents(fargate(2, 4, 1, 4 * 30))).toBe(11.85);
    expect(cents(fargate(2, 4, 1, 4 * 30, 'arm64'))).toBe(9.48);
    expect(cents(fargate(2, 4, 1, 4 * 30, 'x86_64', true))).toBe(3.55);
  });

  it('bills per second with a one-minute minimum', () => {
    expect(billedSeconds(30, facts.fargate)).toBe(60);
    expect(billedSeconds(60.2, facts.fargate)).toBe(61);
    expect(billedSeconds(3600, facts.fargate)).toBe(3600);
  });

  it('charges storage above the included 20 GB', () => {
    const cost = fargateMonthlyCost(
      { vcpu: 1, memoryGb: 2, tasks: 1, hoursPerMonth: 730, architecture: 'x86_64', spot: false, storageGb: 120 },
      facts.fargate,
    );
    expect(cents(cost.storageCost)).toBe(cents(730 * 100 * 0.000111));
  });

  it('costs nothing with no tasks', () => {
    expect(fargate(1, 2, 0)).toBe(0);
  });

  it('offers only the documented task sizes', () => {
    expect(memoryOptions(0.25, facts.fargate)).toEqual([0.5, 1, 2]);
    expect(memoryOptions(8, facts.fargate)).toEqual([16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60]);
    expect(memoryOptions(16, facts.fargate).at(-1)).toBe(120);
    expect(memoryOptions(3, facts.fargate)).toEqual([]);
  });

  it('rejects invalid combinations with a message that lists the valid ones', () => {
    expect(message(() => validateTaskSize(1, 12, facts.fargate))).toBe(
      '1 vCPU can have 2–8 (step 1) GB of memory; 12 GB is not one of them.',
    );
    expect(message(() => validateTaskSize(0.25, 4, facts.fargate))).toBe(
      '0.25 vCPU can have 0.5, 1, 2 GB of memory; 4 GB is not one of them.',
    );
    expect(message(() => validateTaskSize(3, 6, facts.fargate))).toBe(
      'Fargate tasks come in 0.25, 0.5, 1, 2, 4, 8, 16 vCPU; 3 is not one of them.',
    );
    const x86Only = { ...facts.fargate, spot: { ...facts.fargate.spot, architectures: ['x86_64' as const] } };
    expect(
      message(() =>
        fargateMonthlyCost(
          { vcpu: 1, memoryGb: 2, tasks: 1, hoursPerMonth: 730, architecture: 'arm64', spot: true },
          x86Only,
        ),
      ),
    ).toBe('Fargate Spot runs on x86_64 only.');
    expect(() => fargate(1, 2, 1.5)).toThrow(CostInputError);
    expect(message(() => fargate(1, 2, 1, 800))).toBe('Hours per month must be from 0 to 744 (a 31-day month).');
  });
});

it('prices ARM64 Fargate Spot, supported since 2024-09-06, at the same discount', () => {
  // 730 h × (1 × $0.03238 + 2 × $0.00356) = 730 × $0.0395 = $28.835 on demand; 70 % off leaves $8.6505.
  expect(fargate(1, 2, 1, 730, 'arm64', true)).toBeCloseTo(8.6505, 6);
});

describe('break-even', () => {
  const shapeA = {
    durationMs: 200,
    memoryMb: 512,
    architecture: 'x86_64',
    ephemeralStorageMb: 512,
    freeTier: false,
  } as const;
  const shapeB = { ...shapeA, durationMs: 100 };
  const round = (n: number, unit: number) => Math.round(n / unit) / (1 / unit);

  it('workload A against one and two small tasks', () => {
    const one = breakEven(shapeA, fargate(0.25, 0.5), facts.lambda);
    expect(round(one.requestsPerMonth, 10_000)).toBe(4_830_000);
    expect(round(one.requestsPerSecond, 0.01)).toBe(1.84);
    const two = breakEven(shapeA, fargate(0.25, 0.5, 2), facts.lambda);
    expect(round(two.requestsPerMonth, 10_000)).toBe(9_650_000);
    expect(round(two.requestsPerSecond, 0.01)).toBe(3.67);
  });

  it('workload A with the free tier', () => {
    const one = breakEven({ ...shapeA, freeTier: true }, fargate(0.25, 0.5), facts.lambda);
    expect(round(one.requestsPerMonth, 10_000)).toBe(8_510_000);
    expect(round(one.requestsPerSecond, 0.01)).toBe(3.24);
    const two = breakEven({ ...shapeA, freeTier: true }, fargate(0.25, 0.5, 2), facts.lambda);
    expect(round(two.requestsPerMonth, 10_000)).toBe(13_330_000);
  });

  it('workload B against two 1 vCPU / 2 GB tasks and two 0.5 vCPU / 1 GB tasks', () => {
    const big = breakEven(shapeB, fargate(1, 2, 2), facts.lambda);
    expect(round(big.requestsPerMonth, 10_000)).toBe(69_750_000);
    expect(round(big.requestsPerSecond, 0.1)).toBe(26.5);
    expect(round(breakEven({ ...shapeB, freeTier: true }, fargate(1, 2, 2), facts.lambda).requestsPerSecond, 0.1)).toBe(
      29.1,
    );
    const lean = breakEven(shapeB, fargate(0.5, 1, 2), facts.lambda);
    expect(round(lean.requestsPerMonth, 10_000)).toBe(34_880_000);
    expect(round(lean.requestsPerSecond, 0.1)).toBe(13.3);
  });

  it('is zero when Fargate costs nothing', () => {
    expect(breakEven(shapeA, 0, facts.lambda).requestsPerMonth).toBe(0);
  });
});
