import { describe, expect, it } from 'vitest';
import {
  atRequests,
  billFactsOf,
  crossings,
  CostInputError,
  tieredRequestCost,
  wholeBill,
  type BillScenario,
} from '../../src/lib/cost';
import { calcEn } from '../../src/lib/i18n/calc.en';
import { loadFacts } from '../helpers/facts';

const facts = billFactsOf(loadFacts());

/** Workload B of the cost article: 50 requests a second, 100 ms at 512 MB, a pair of 1 vCPU / 2 GB tasks. */
const workloadB: BillScenario = {
  lambda: {
    requestsPerMonth: 131_400_000,
    durationMs: 100,
    memoryMb: 512,
    architecture: 'x86_64',
    ephemeralStorageMb: 512,
    freeTier: false,
    door: 'none',
    nat: false,
    provisioned: 0,
  },
  fargate: {
    vcpu: 1,
    memoryGb: 2,
    tasks: 2,
    hoursPerMonth: 730,
    architecture: 'x86_64',
    spot: false,
    door: 'none',
    nat: false,
    publicIp: false,
  },
  managed: { instanceType: 'm7g.large', instances: 3, door: 'none', nat: false },
  shared: { responseKb: 10, natGb: 0, savingsPlan: false },
};

/** Workload A: 1 million requests a month, 200 ms at 512 MB, one 0.25 vCPU / 0.5 GB task. */
const workloadA: BillScenario = {
  ...workloadB,
  lambda: { ...workloadB.lambda, requestsPerMonth: 1_000_000, durationMs: 200 },
  fargate: { ...workloadB.fargate, vcpu: 0.25, memoryGb: 0.5, tasks: 1 },
};

/** Workload C: a nightly 4-hour job on 2 vCPU / 4 GB, 30 runs (120 task-hours) a month. */
const workloadC: BillScenario = {
  ...workloadB,
  lambda: { ...workloadB.lambda, requestsPerMonth: 480, durationMs: 900_000, memoryMb: 4096 },
  fargate: { ...workloadB.fargate, vcpu: 2, memoryGb: 4, tasks: 1, hoursPerMonth: 120 },
};

const cents = (n: number) => Math.round(n * 100) / 100;
const lineOf = (lines: { key: string; amount: number }[], key: string) => lines.find((l) => l.key === key)?.amount;

describe('the whole bill, worked examples to the cent', () => {
  it('1. Workload A on Lambda behind an HTTP API', () => {
    // Requests: 1M × $0.20 per million = $0.20.
    // Duration: 1,000,000 × 0.2 s × 0.5 GB = 100,000 GB-s × $0.0000166667 = $1.66667.
    // HTTP API: 1M × $1.00 per million = $1.00. Total $2.86667.
    const bill = wholeBill({ ...workloadA, lambda: { ...workloadA.lambda, door: 'http' } }, facts).lambda;
    expect(cents(lineOf(bill.lines, 'requests')!)).toBe(0.2);
    expect(cents(lineOf(bill.lines, 'duration')!)).toBe(1.67);
    expect(cents(lineOf(bill.lines, 'doorHttp')!)).toBe(1);
    expect(cents(bill.total)).toBe(2.87);
  });

  it('2. Workload A on one Fargate task behind an ALB', () => {
    // Task: 730 h × (0.25 × $0.04048 + 0.5 × $0.004445) = 730 × $0.0123425 = $9.010025.
    // ALB hours: 730 × $0.0225 = $16.425.
    // LCUs: 1M / 2,628,000 s = 0.3805 requests/s; new connections 0.3805 / 25 = 0.01522 LCU;
    // bytes 0.3805 × 3,600 × 10 KB = 0.0137 GB/h = 0.0137 LCU; the larger, 0.01522 × 730 h × $0.008 = $0.0889.
    // Total $9.010025 + $16.425 + $0.0889 = $25.5239.
    const bill = wholeBill({ ...workloadA, fargate: { ...workloadA.fargate, door: 'alb' } }, facts).fargate;
    expect(cents(lineOf(bill.lines, 'taskCompute')!)).toBe(9.01);
    expect(cents(lineOf(bill.lines, 'albHours')!)).toBe(16.43);
    expect(lineOf(bill.lines, 'albLcu')).toBeCloseTo(0.0888889, 6);
    expect(cents(bill.total)).toBe(25.52);
  });

  it('3. Workload B on Lambda behind a REST API: the front door costs more than the compute', () => {
    // Requests: 131.4M × $0.20 = $26.28. Duration: 131.4M × 0.1 s × 0.5 GB = 6,570,000 GB-s
    // × $0.0000166667 = $109.500219. REST API: 131.4M × $3.50 per million (first tier) = $459.90.
    // Total $595.680219.
    const bill = wholeBill({ ...workloadB, lambda: { ...workloadB.lambda, door: 'rest' } }, facts).lambda;
    expect(cents(lineOf(bill.lines, 'doorRest')!)).toBe(459.9);
    expect(lineOf(bill.lines, 'doorRest')!).toBeGreaterThan(
      lineOf(bill.lines, 'duration')! + lineOf(bill.lines, 'requests')!,
    );
    expect(cents(bill.total)).toBe(595.68);
  });

  it('4. Workload B on a Fargate pair behind an ALB', () => {
    // Tasks: 730 h × 2 × ($0.04048 + 2 × $0.004445) = 1,460 × $0.04937 = $72.0802.
    // ALB hours $16.425. LCUs: 50 new connections/s ÷ 25 = 2 LCU; bytes 50 × 3,600 × 10 KB = 1.8 GB/h
    // = 1.8 LCU; the larger, 2 × 730 h × $0.008 = $11.68. Total $100.1852.
    const bill = wholeBill({ ...workloadB, fargate: { ...workloadB.fargate, door: 'alb' } }, facts).fargate;
    expect(cents(lineOf(bill.lines, 'albLcu')!)).toBe(11.68);
    expect(cents(bill.total)).toBe(100.19);
  });

  it('5. Workload B on three Managed Instances (m7g.large) behind an HTTP API', () => {
    // Instances: 3 × 730 h × $0.0816 = $178.704. Fee: 15 % of $178.704 = $26.8056.
    // Requests: 131.4M × $0.20 per million = $26.28. HTTP API: 131.4 × $1.00 = $131.40.
    // Total $363.1896.
    const bill = wholeBill({ ...workloadB, managed: { ...workloadB.managed, door: 'http' } }, facts).managed;
    expect(cents(lineOf(bill.lines, 'instances')!)).toBe(178.7);
    expect(cents(lineOf(bill.lines, 'fee')!)).toBe(26.81);
    expect(cents(bill.total)).toBe(363.19);
  });

  it('6. Workload C on Fargate in a public subnet, then behind a NAT gateway', () => {
    // Task: 120 h × (2 × $0.04048 + 4 × $0.004445) = 120 × $0.09874 = $11.8488.
    // Public IPv4: 120 h × $0.005 = $0.60. Total $12.4488.
    const publicSubnet = wholeBill({ ...workloadC, fargate: { ...workloadC.fargate, publicIp: true } }, facts);
    expect(cents(publicSubnet.fargate.total)).toBe(12.45);
    // NAT instead: 730 h × $0.045 = $32.85, plus 30 GB (a 1 GB image pulled nightly) × $0.045 = $1.35.
    // Total $11.8488 + $32.85 + $1.35 = $46.0488.
    const nat = wholeBill(
      { ...workloadC, fargate: { ...workloadC.fargate, nat: true }, shared: { ...workloadC.shared, natGb: 30 } },
      facts,
    );
    expect(cents(nat.fargate.total)).toBe(46.05);
  });

  it('7. Workload B on Lambda with a function URL and a Compute Savings Plan', () => {
    // Requests $26.28 (not discounted). Duration $109.500219 less 17 % ($18.615037) = $90.885182.
    // Function URL: no charge. Total $117.165182.
    const bill = wholeBill(
      {
        ...workloadB,
        lambda: { ...workloadB.lambda, door: 'url' },
        shared: { ...workloadB.shared, savingsPlan: true },
      },
      facts,
    ).lambda;
    expect(cents(lineOf(bill.lines, 'savingsPlan')!)).toBe(-18.62);
    expect(cents(bill.total)).toBe(117.17);
  });

  it('8. Workload B on Lambda with five environments of provisioned concurrency', () => {
    // Average concurrency is 50/s × 0.1 s = 5, so five environments serve everything.
    // Configured: 5 × 0.5 GB × 2,628,000 s = 6,570,000 GB-s × $0.0000041667 = $27.375219.
    // Served: 6,570,000 GB-s × $0.0000097222 = $63.874854. Requests $26.28. Total $117.530073.
    const bill = wholeBill({ ...workloadB, lambda: { ...workloadB.lambda, provisioned: 5 } }, facts).lambda;
    expect(lineOf(bill.lines, 'duration')).toBe(0);
    expect(cents(bill.total)).toBe(117.53);
  });

  it('applies a Savings Plan to the EC2 part of Managed Instances, not the fee, and never to Spot', () => {
    const withPlan = wholeBill({ ...workloadB, shared: { ...workloadB.shared, savingsPlan: true } }, facts);
    // 66 % of $178.704 = $117.94464 off; the $26.8056 fee stays.
    expect(cents(lineOf(withPlan.managed.lines, 'savingsPlan')!)).toBe(-117.94);
    expect(cents(lineOf(withPlan.managed.lines, 'fee')!)).toBe(26.81);
    const spot = wholeBill(
      {
        ...workloadB,
        fargate: { ...workloadB.fargate, spot: true },
        shared: { ...workloadB.shared, savingsPlan: true },
      },
      facts,
    );
    expect(lineOf(spot.fargate.lines, 'savingsPlan')).toBeUndefined();
    // $72.0802 less the 70 % Spot best case = $21.62406.
    expect(cents(spot.fargate.total)).toBe(21.62);
  });
});

describe('combinations that do not exist, and bad input', () => {
  const error = (s: BillScenario) => {
    try {
      wholeBill(s, facts);
    } catch (e) {
      if (e instanceof CostInputError) return `${e.field}: ${calcEn.errors[e.code](e.params)}`;
      throw e;
    }
    return undefined;
  };

  it('refuses a function URL or a REST API in front of Fargate, with why', () => {
    expect(error({ ...workloadB, fargate: { ...workloadB.fargate, door: 'url' } })).toBe(
      'fargate.door: Function URLs exist only for Lambda functions; put an ALB or an HTTP API in front of Fargate.',
    );
    expect(error({ ...workloadB, fargate: { ...workloadB.fargate, door: 'rest' } })).toMatch(
      /^fargate\.door: A REST API reaches Fargate only through a VPC link/,
    );
  });

  it('refuses doors not confirmed for Managed Instances', () => {
    expect(error({ ...workloadB, managed: { ...workloadB.managed, door: 'alb' } })).toMatch(
      /^managed\.door: AWS documentation does not confirm this front door/,
    );
  });

  it('names the field of an impossible or absurd value', () => {
    expect(error({ ...workloadB, managed: { ...workloadB.managed, instances: 2 } })).toMatch(
      /^instances: Instances must be a whole number from 3/,
    );
    expect(error({ ...workloadB, managed: { ...workloadB.managed, instanceType: 'x1.huge' } })).toMatch(
      /^instanceType: Choose one of/,
    );
    expect(error(atRequests(workloadB, 5e12))).toBe(
      'requestsPerMonth: Requests per month must be from 0 to 1,000,000,000,000.',
    );
    expect(error({ ...workloadB, lambda: { ...workloadB.lambda, architecture: 'arm64', provisioned: 2 } })).toMatch(
      /^provisioned: Provisioned concurrency is priced here for x86_64 only/,
    );
    expect(error({ ...workloadB, shared: { ...workloadB.shared, responseKb: -1 } })).toMatch(/^responseKb:/);
    expect(error({ ...workloadB, fargate: { ...workloadB.fargate, tasks: 20_000 } })).toMatch(/^tasks:/);
  });

  it('never returns a negative, infinite or NaN total', () => {
    for (const s of [workloadA, workloadB, workloadC, atRequests(workloadB, 0)]) {
      for (const option of Object.values(wholeBill({ ...s, shared: { ...s.shared, savingsPlan: true } }, facts))) {
        expect(Number.isFinite(option.total) && option.total >= 0).toBe(true);
      }
    }
  });
});

describe('tiers and crossings', () => {
  it('walks request tiers: 400M HTTP API requests are 300M at $1.00 and 100M at $0.90', () => {
    expect(tieredRequestCost(400e6, facts.frontDoor.httpApi.tiers)).toBeCloseTo(390, 9);
  });

  it('finds the compute-only break-even of Workload B where the old calculator did', () => {
    // $72.0802 ÷ $0.0000010333 per request (the request fee plus 0.05 GB-s) ≈ 69.75 million a month.
    const found = crossings(workloadB, facts).find((c) => c.between.join() === 'lambda,fargate');
    expect(found?.requestsPerMonth).toBeCloseTo(69_755_000, -4);
    expect(found?.cheaperAbove).toBe('fargate');
  });

  it('moves the break-even when the front doors differ', () => {
    const doors: BillScenario = {
      ...workloadB,
      lambda: { ...workloadB.lambda, door: 'http' },
      fargate: { ...workloadB.fargate, door: 'alb' },
    };
    const found = crossings(doors, facts).find((c) => c.between.join() === 'lambda,fargate');
    // Lambda + HTTP API costs $0.0000020333 a request; the Fargate pair plus the ALB grows slowly with LCUs.
    expect(found!.requestsPerMonth).toBeGreaterThan(40e6);
    expect(found!.requestsPerMonth).toBeLessThan(50e6);
  });
});
