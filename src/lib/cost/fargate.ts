import { CostInputError, type Architecture, type FargateFacts, type FargatePrice, type MemoryChoice } from './types';

export interface FargateInput {
  vcpu: number;
  memoryGb: number;
  tasks: number;
  /** Hours each task runs per month (730 = always on). */
  hoursPerMonth: number;
  architecture: Architecture;
  spot: boolean;
  /** Ephemeral storage per task; the first 20 GB are included. */
  storageGb?: number;
  region?: string;
}

export interface FargateCost {
  /** Price of one task for one hour, after any Spot discount. */
  perTaskHour: number;
  computeCost: number;
  storageCost: number;
  /** The Spot discount applied (0 without Spot): the documented best case. */
  spotDiscount: number;
  total: number;
}

/** The most tasks the calculator prices: past it a figure is a typing slip, not a workload. */
export const MAX_TASKS = 10_000;

/** Memory sizes (GB) allowed with a vCPU count, in ascending order; empty for an invalid vCPU. */
export function memoryOptions(vcpu: number, facts: FargateFacts): number[] {
  const size = facts.taskSizes.sizes.find((s) => s.vcpu === vcpu);
  if (!size) return [];
  return expand(size.memoryGb);
}

function expand(choice: MemoryChoice): number[] {
  if (Array.isArray(choice)) return [...choice].sort((a, b) => a - b);
  const values: number[] = [];
  for (let gb = choice.min; gb <= choice.max + 1e-9; gb += choice.step) values.push(Number(gb.toFixed(3)));
  return values;
}

/** The vCPU counts Fargate offers. */
export function vcpuOptions(facts: FargateFacts): number[] {
  return facts.taskSizes.sizes.map((s) => s.vcpu).sort((a, b) => a - b);
}

/** Throws a readable error unless the vCPU and memory pair is a valid Fargate task size. */
export function validateTaskSize(vcpu: number, memoryGb: number, facts: FargateFacts): void {
  const options = memoryOptions(vcpu, facts);
  if (options.length === 0) {
    throw new CostInputError('vcpu', 'vcpuChoice', { options: vcpuOptions(facts).join(', '), vcpu });
  }
  if (!options.includes(memoryGb)) {
    throw new CostInputError('memoryGb', 'memoryChoice', { vcpu, options: describe(options), memory: memoryGb });
  }
}

/** "0.5, 1, 2" or, for a long even range, "2–8 (step 1)". */
function describe(options: number[]): string {
  if (options.length <= 4) return options.join(', ');
  const step = options[1]! - options[0]!;
  return `${options[0]}–${options.at(-1)} (step ${step})`;
}

/** Seconds billed for one task run: per second, rounded up, with the one-minute minimum. */
export function billedSeconds(runSeconds: number, facts: FargateFacts): number {
  return Math.max(facts.billing.minimumSeconds, Math.ceil(runSeconds));
}

/** The price list for a Region and architecture, or a clear error. */
export function fargatePrice(facts: FargateFacts, architecture: Architecture, region = 'us-east-1'): FargatePrice {
  const price = facts.prices.find((p) => p.architecture === architecture && p.region === region);
  if (!price) throw new CostInputError('architecture', 'noPrice', { service: 'Fargate', architecture, region });
  return price;
}

/**
 * Monthly Fargate cost: each task pays for the vCPU and memory it requests for every hour it runs,
 * busy or idle, plus storage above the included 20 GB. Spot takes the documented maximum
 * discount, so it is a lower bound.
 */
export function fargateMonthlyCost(input: FargateInput, facts: FargateFacts): FargateCost {
  validateTaskSize(input.vcpu, input.memoryGb, facts);
  if (!Number.isInteger(input.tasks) || input.tasks < 0 || input.tasks > MAX_TASKS) {
    throw new CostInputError('tasks', 'tasksRange', { max: MAX_TASKS });
  }
  if (!(input.hoursPerMonth >= 0 && input.hoursPerMonth <= 744)) {
    throw new CostInputError('hoursPerMonth', 'hoursRange', { max: 744 });
  }
  if (input.spot && !facts.spot.architectures.includes(input.architecture)) {
    throw new CostInputError('spot', 'spotArchitecture', { architectures: facts.spot.architectures.join(', ') });
  }
  const storageGb = input.storageGb ?? facts.storage.includedGb;
  if (storageGb < facts.storage.includedGb || storageGb > facts.storage.maxGb) {
    throw new CostInputError('storageGb', 'storageRange', { min: facts.storage.includedGb, max: facts.storage.maxGb });
  }
  const price = fargatePrice(facts, input.architecture, input.region);
  const spotDiscount = input.spot ? facts.spot.maxDiscount : 0;
  const perTaskHour = (input.vcpu * price.perVcpuHour + input.memoryGb * price.perGbHour) * (1 - spotDiscount);
  const taskHours = input.tasks * input.hoursPerMonth;
  const computeCost = taskHours * perTaskHour;
  const storageCost = taskHours * (storageGb - facts.storage.includedGb) * facts.storage.perGbHour;
  return { perTaskHour, computeCost, storageCost, spotDiscount, total: computeCost + storageCost };
}
