import { fargateMonthlyCost, type FargateInput } from './fargate';
import { frontDoorLines, type CostLine, type FrontDoor, type OptionName } from './front-door';
import { lambdaPrice, tieredDurationCost, validateLambdaInput, type LambdaInput } from './lambda';
import {
  CostInputError,
  HOURS_PER_MONTH,
  type CostErrorCode,
  type CostErrorParams,
  type FargateFacts,
  type FargatePrice,
  type FrontDoorFacts,
  type LambdaPrice,
  type SourceRef,
  type LambdaExtras,
  type LambdaFacts,
  type ManagedFacts,
  type PlatformFacts,
} from './types';

/** Every price the whole-bill model reads, as narrow shapes of the content/data files. */
export interface BillFacts {
  lambda: Omit<LambdaFacts, 'prices'> & LambdaExtras & { prices: (LambdaPrice & SourceRef)[] };
  fargate: Omit<FargateFacts, 'prices' | 'spot'> & {
    prices: (FargatePrice & SourceRef)[];
    spot: FargateFacts['spot'] & SourceRef;
  };
  managed: ManagedFacts;
  frontDoor: FrontDoorFacts;
  platform: PlatformFacts;
}

/** One workload, priced three ways. Requests and response size are the workload's, shared by all. */
export interface BillScenario {
  lambda: Omit<LambdaInput, 'region'> & {
    door: FrontDoor;
    /** A NAT gateway for this option's VPC (a VPC-attached function that reaches the internet). */
    nat: boolean;
    /** Execution environments kept warm all month with provisioned concurrency (0 = none). */
    provisioned: number;
  };
  fargate: Omit<FargateInput, 'region' | 'storageGb'> & {
    door: FrontDoor;
    nat: boolean;
    /** Each task has a public IPv4 address (tasks in public subnets, the alternative to NAT). */
    publicIp: boolean;
  };
  managed: {
    instanceType: string;
    instances: number;
    door: FrontDoor;
    nat: boolean;
  };
  shared: {
    /** Average response size in KB, for the bytes a load balancer processes. */
    responseKb: number;
    /** GB a month through each NAT gateway. */
    natGb: number;
    /** Apply a Compute Savings Plan at its best published discount to what it covers. */
    savingsPlan: boolean;
  };
}

export interface OptionBill {
  lines: CostLine[];
  total: number;
}

export type Bill = Record<OptionName, OptionBill>;

/** The largest values the model accepts: past them a figure is a typing slip, not a workload. */
export const LIMITS = {
  requestsPerMonth: 1e12,
  instances: 1_000,
  provisioned: 10_000,
  responseKb: 10_240,
  natGb: 1e7,
} as const;

function check(ok: boolean, field: string, code: CostErrorCode, params: CostErrorParams = {}): void {
  if (!ok) throw new CostInputError(field, code, params);
}

const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

function total(lines: CostLine[]): number {
  // Rounding noise below a hundredth of a cent is not a price; never show -0.
  const sum = lines.reduce((s, l) => s + l.amount, 0);
  return Math.max(0, Math.round(sum * 1e6) / 1e6);
}

function natLines(nat: boolean, scenario: BillScenario, facts: BillFacts): CostLine[] {
  if (!nat) return [];
  const { natGateway } = facts.platform;
  return [
    {
      key: 'natHours',
      amount: HOURS_PER_MONTH * natGateway.perHour,
      quantity: HOURS_PER_MONTH,
      rate: natGateway.perHour,
      source: natGateway,
    },
    {
      key: 'natGb',
      amount: scenario.shared.natGb * natGateway.perGb,
      quantity: scenario.shared.natGb,
      rate: natGateway.perGb,
      source: natGateway,
    },
  ];
}

const traffic = (s: BillScenario) => ({ requestsPerMonth: s.lambda.requestsPerMonth, responseKb: s.shared.responseKb });

function savings(share: number, base: number, source: CostLine['source']): CostLine {
  return { key: 'savingsPlan', amount: -share * base, quantity: base, rate: share, share, source };
}

/** Lambda: requests, duration (on demand and provisioned), ephemeral storage, discounts, door, NAT. */
function lambdaBill(s: BillScenario, facts: BillFacts): OptionBill {
  const input = s.lambda;
  validateLambdaInput(input, facts.lambda);
  const pc = facts.lambda.provisionedConcurrency;
  check(whole(input.provisioned, 0, LIMITS.provisioned), 'provisioned', 'provisionedRange', {
    max: LIMITS.provisioned,
  });
  check(input.provisioned === 0 || input.architecture === pc.architecture, 'provisioned', 'provisionedArchitecture', {
    supported: pc.architecture,
    architecture: input.architecture,
  });
  // lambdaPrice throws the readable error for a missing price; the list entry carries its source.
  const price = lambdaPrice(facts.lambda, input.architecture) as LambdaPrice & SourceRef;
  const billedMs = Math.ceil(Number(input.durationMs.toFixed(9)));
  const seconds = (input.requestsPerMonth * billedMs) / 1000;
  const memoryGb = input.memoryMb / 1024;
  const gbSeconds = seconds * memoryGb;
  const configured = input.provisioned * memoryGb * HOURS_PER_MONTH * 3600;
  const onProvisioned = Math.min(gbSeconds, configured);
  const onDemand = gbSeconds - onProvisioned;
  const freeRequests = input.freeTier ? facts.lambda.freeTier.requests : 0;
  const freeGbSeconds = input.freeTier ? facts.lambda.freeTier.gbSeconds : 0;
  const billedRequests = Math.max(0, input.requestsPerMonth - freeRequests);
  const lines: CostLine[] = [
    {
      key: 'requests',
      amount: (billedRequests * price.requestsPerMillion) / 1e6,
      quantity: billedRequests / 1e6,
      rate: price.requestsPerMillion,
      source: price,
    },
  ];
  const durationCost = tieredDurationCost(price, Math.min(freeGbSeconds, onDemand), onDemand);
  const billedGbSeconds = Math.max(0, onDemand - freeGbSeconds);
  lines.push({
    key: 'duration',
    amount: durationCost,
    quantity: billedGbSeconds,
    rate: billedGbSeconds > 0 ? durationCost / billedGbSeconds : price.durationTiers[0]!.perGbSecond,
    source: price,
  });
  const extraStorageGb = Math.max(0, input.ephemeralStorageMb - facts.lambda.limits.ephemeralStorageMb.free) / 1024;
  if (extraStorageGb > 0) {
    lines.push({
      key: 'ephemeral',
      amount: extraStorageGb * seconds * price.ephemeralStoragePerGbSecond,
      quantity: extraStorageGb * seconds,
      rate: price.ephemeralStoragePerGbSecond,
      source: price,
    });
  }
  let discountable = durationCost;
  if (input.provisioned > 0) {
    const configuredCost = configured * pc.perGbSecondConfigured;
    const servedCost = onProvisioned * pc.perGbSecondDuration;
    discountable += configuredCost + servedCost;
    lines.push(
      { key: 'pcConfigured', amount: configuredCost, quantity: configured, rate: pc.perGbSecondConfigured, source: pc },
      { key: 'pcDuration', amount: servedCost, quantity: onProvisioned, rate: pc.perGbSecondDuration, source: pc },
    );
  }
  const plan = facts.platform.computeSavingsPlans.lambda;
  if (s.shared.savingsPlan && discountable > 0) lines.push(savings(plan.value, discountable, plan));
  lines.push(...frontDoorLines('lambda', input.door, traffic(s), facts.frontDoor));
  lines.push(...natLines(input.nat, s, facts));
  return { lines, total: total(lines) };
}

/** Fargate: task compute (with Spot's best case), extra storage, public IPv4, discounts, door, NAT. */
function fargateBill(s: BillScenario, facts: BillFacts): OptionBill {
  const input = s.fargate;
  const cost = fargateMonthlyCost(input, facts.fargate);
  const taskHours = input.tasks * input.hoursPerMonth;
  const onDemandHour = cost.spotDiscount < 1 ? cost.perTaskHour / (1 - cost.spotDiscount) : 0;
  const onDemand = taskHours * onDemandHour;
  const lines: CostLine[] = [
    {
      key: 'taskCompute',
      amount: onDemand,
      quantity: taskHours,
      rate: onDemandHour,
      source: facts.fargate.prices.find((p) => p.architecture === input.architecture),
    },
  ];
  if (input.spot) {
    const spot = facts.fargate.spot;
    lines.push({
      key: 'spot',
      amount: -cost.spotDiscount * onDemand,
      quantity: onDemand,
      rate: cost.spotDiscount,
      share: cost.spotDiscount,
      source: spot,
    });
  }
  if (cost.storageCost > 0) {
    lines.push({
      key: 'taskStorage',
      amount: cost.storageCost,
      quantity: taskHours,
      rate: cost.storageCost / taskHours,
    });
  }
  // Savings Plans do not apply to Spot usage.
  const plan = facts.platform.computeSavingsPlans.fargate;
  if (s.shared.savingsPlan && !input.spot && onDemand > 0) lines.push(savings(plan.value, onDemand, plan));
  if (input.publicIp) {
    const ip = facts.platform.publicIpv4;
    lines.push({ key: 'ipv4', amount: taskHours * ip.perHour, quantity: taskHours, rate: ip.perHour, source: ip });
  }
  lines.push(...frontDoorLines('fargate', input.door, traffic(s), facts.frontDoor));
  lines.push(...natLines(input.nat, s, facts));
  return { lines, total: total(lines) };
}

/**
 * Lambda Managed Instances: the EC2 price of the instances, the management fee on that on-demand
 * price, and requests. The instances run all month: Lambda keeps at least the default three. A
 * Savings Plan discounts the EC2 part only; whether it reaches the fee is not documented.
 */
function managedBill(s: BillScenario, facts: BillFacts): OptionBill {
  const input = s.managed;
  const m = facts.managed;
  const type = m.instanceTypes.find((t) => t.name === input.instanceType);
  check(type !== undefined, 'instanceType', 'instanceType', {
    options: m.instanceTypes.map((t) => t.name).join(', '),
  });
  check(whole(input.instances, m.defaultInstances.value, LIMITS.instances), 'instances', 'instancesRange', {
    min: m.defaultInstances.value,
    max: LIMITS.instances,
  });
  const hours = input.instances * HOURS_PER_MONTH;
  const ec2 = hours * type!.perHour;
  const lines: CostLine[] = [
    { key: 'instances', amount: ec2, quantity: hours, rate: type!.perHour, source: type },
    {
      key: 'fee',
      amount: ec2 * m.managementFee.fraction,
      quantity: ec2,
      rate: m.managementFee.fraction,
      share: m.managementFee.fraction,
      source: m.managementFee,
    },
    {
      key: 'requests',
      amount: (s.lambda.requestsPerMonth / 1e6) * m.requestsPerMillion.value,
      quantity: s.lambda.requestsPerMonth / 1e6,
      rate: m.requestsPerMillion.value,
      source: m.requestsPerMillion,
    },
  ];
  const plan = facts.platform.computeSavingsPlans.ec2;
  if (s.shared.savingsPlan) lines.push(savings(plan.value, ec2, plan));
  lines.push(...frontDoorLines('managed', input.door, traffic(s), facts.frontDoor));
  lines.push(...natLines(input.nat, s, facts));
  return { lines, total: total(lines) };
}

/** Checks the inputs every option shares. */
function validateShared(s: BillScenario): void {
  const r = s.lambda.requestsPerMonth;
  check(Number.isFinite(r) && r >= 0 && r <= LIMITS.requestsPerMonth, 'requestsPerMonth', 'requestsRange', {
    max: LIMITS.requestsPerMonth,
  });
  const kb = s.shared.responseKb;
  check(Number.isFinite(kb) && kb >= 0 && kb <= LIMITS.responseKb, 'responseKb', 'responseRange', {
    max: LIMITS.responseKb,
  });
  const gb = s.shared.natGb;
  check(Number.isFinite(gb) && gb >= 0 && gb <= LIMITS.natGb, 'natGb', 'natGbRange', { max: LIMITS.natGb });
}

/**
 * The monthly bill of one workload on Lambda, on Fargate and on Lambda Managed Instances, each
 * as the lines that make it up. Throws CostInputError, naming the field, for input it cannot price.
 */
export function wholeBill(s: BillScenario, facts: BillFacts): Bill {
  validateShared(s);
  return { lambda: lambdaBill(s, facts), fargate: fargateBill(s, facts), managed: managedBill(s, facts) };
}

/** The same scenario at another monthly request count. */
export function atRequests(s: BillScenario, requestsPerMonth: number): BillScenario {
  return { ...s, lambda: { ...s.lambda, requestsPerMonth } };
}

/** A request count at which two options cost the same, and which becomes cheaper above it. */
export interface Crossing {
  between: [OptionName, OptionName];
  requestsPerMonth: number;
  /** The option that costs less just above the crossing. */
  cheaperAbove: OptionName;
}

/**
 * Where the options' costs cross as traffic grows, from 1,000 to 10¹² requests a month: a scan on
 * a logarithmic grid finds each change of sign, and bisection narrows it to within one request.
 * Every option's cost grows with traffic, at different rates, so pairs may cross once or not at all.
 */
export function crossings(s: BillScenario, facts: BillFacts): Crossing[] {
  const cost = (n: number) => wholeBill(atRequests(s, n), facts);
  const pairs: [OptionName, OptionName][] = [
    ['lambda', 'fargate'],
    ['lambda', 'managed'],
    ['fargate', 'managed'],
  ];
  const grid = Array.from({ length: 91 }, (_, i) => 10 ** (3 + i / 10));
  const bills = grid.map(cost);
  const found: Crossing[] = [];
  for (const [a, b] of pairs) {
    const diff = (bill: Bill) => bill[a].total - bill[b].total;
    for (let i = 1; i < grid.length; i++) {
      const before = diff(bills[i - 1]!);
      const after = diff(bills[i]!);
      if (Math.sign(before) === Math.sign(after) || before === 0) continue;
      let low = grid[i - 1]!;
      let high = grid[i]!;
      for (let k = 0; k < 100 && high - low > 1; k++) {
        const mid = (low + high) / 2;
        if (Math.sign(diff(cost(mid))) === Math.sign(before)) low = mid;
        else high = mid;
      }
      found.push({ between: [a, b], requestsPerMonth: high, cheaperAbove: after < 0 ? a : b });
    }
  }
  return found.sort((x, y) => x.requestsPerMonth - y.requestsPerMonth);
}

/** The content/data files, as parsed by their schemas, in the shape the model reads. */
export function billFactsOf(data: {
  lambda: BillFacts['lambda'];
  fargate: BillFacts['fargate'];
  lambdaOptions: { managedInstances: ManagedFacts };
  frontDoor: FrontDoorFacts;
  platform: PlatformFacts;
}): BillFacts {
  return {
    lambda: data.lambda,
    fargate: data.fargate,
    managed: data.lambdaOptions.managedInstances,
    frontDoor: data.frontDoor,
    platform: data.platform,
  };
}
