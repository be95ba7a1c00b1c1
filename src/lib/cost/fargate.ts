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
    throw new CostInputError(
      'vcpu',
      `Fargate tasks come in ${vcpuOptions(facts).join(', ')} vCPU; ${vcpu} is not one of them.`,
    );
  }
  if (!options.includes(memoryGb)) {
    throw new CostInputError(
      'memoryGb',
      `${vcpu} vCPU can have ${describe(options)} of memory; ${memoryGb} GB is not a valid combination.`,
    );
  }
}

function describe(options: number[]): string {
  if (options.length <= 4) return `${options.join(', ')} GB`;
  const step = options[1]! - options[0]!;
  return `${options[0]}–${options.at(-1)} GB in ${step} GB steps`;
}

/** Seconds billed for one task run: per second, rounded up, with the one-minute minimum. */
export function billedSeconds(runSeconds: number, facts: FargateFacts): number {
  return Math.max(facts.billing.minimumSeconds, Math.ceil(runSeconds));
}

/** The price list for a Region and architecture, or a clear error. */
export function fargatePrice(facts: FargateFacts, architecture: Architecture, region = 'us-east-1'): FargatePrice {
  const price = facts.prices.find((p) => p.architecture === architecture && p.region === region);
  if (!price) throw new CostInputError('architecture', `No Fargate price for ${architecture} in ${region}.`);
  return price;
}

/**
 * Monthly Fargate cost: each task pays for the vCPU and memory it requests for every hour it runs,
 * busy or idle, plus storage above the included 20 GB. Spot takes the documented maximum
 * discount, so it is a lower bound.
 */
export function fargateMonthlyCost(input: FargateInput, facts: FargateFacts): FargateCost {
  validateTaskSize(input.vcpu, input.memoryGb, facts);
  if (!Number.isInteger(input.tasks) || input.tasks < 0) {
    throw new CostInputError('tasks', 'The number of tasks must be a whole number, zero or more.');
  }
  if (!(input.hoursPerMonth >= 0 && input.hoursPerMonth <= 744)) {
    throw new CostInputError('hoursPerMonth', 'Hours per month must be between 0 and 744 (a 31-day month).');
  }
  if (input.spot && !facts.spot.architectures.includes(input.architecture)) {
    throw new CostInputError('spot', `Fargate Spot runs on ${facts.spot.architectures.join(', ')} only.`);
  }
  const storageGb = input.storageGb ?? facts.storage.includedGb;
  if (storageGb < facts.storage.includedGb || storageGb > facts.storage.maxGb) {
    throw new CostInputError(
      'storageGb',
      `Task storage must be from ${facts.storage.includedGb} to ${facts.storage.maxGb} GB.`,
    );
  }
  const price = fargatePrice(facts, input.architecture, input.region);
  const spotDiscount = input.spot ? facts.spot.maxDiscount : 0;
  const perTaskHour = (input.vcpu * price.perVcpuHour + input.memoryGb * price.perGbHour) * (1 - spotDiscount);
  const taskHours = input.tasks * input.hoursPerMonth;
  const computeCost = taskHours * perTaskHour;
  const storageCost = taskHours * (storageGb - facts.storage.includedGb) * facts.storage.perGbHour;
  return { perTaskHour, computeCost, storageCost, spotDiscount, total: computeCost + storageCost };
}
