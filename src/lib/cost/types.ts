/**
 * The shapes the cost model needs from content/data (narrower than the schemas, so tests can
 * pass plain objects and the browser bundle needs no schema code).
 */
export type Architecture = 'x86_64' | 'arm64';

export interface LambdaPrice {
  region: string;
  architecture: Architecture;
  requestsPerMillion: number;
  durationTiers: { upToGbSeconds?: number | undefined; perGbSecond: number }[];
  ephemeralStoragePerGbSecond: number;
}

export interface LambdaFacts {
  prices: LambdaPrice[];
  freeTier: { requests: number; gbSeconds: number };
  limits: {
    timeoutSeconds: { value: number };
    memoryMb: { min: number; max: number };
    ephemeralStorageMb: { min: number; max: number; free: number };
  };
}

export interface FargatePrice {
  region: string;
  architecture: Architecture;
  perVcpuHour: number;
  perGbHour: number;
}

export type MemoryChoice = number[] | { min: number; max: number; step: number };

export interface FargateFacts {
  prices: FargatePrice[];
  spot: { maxDiscount: number; architectures: Architecture[] };
  billing: { minimumSeconds: number };
  storage: { includedGb: number; maxGb: number; perGbHour: number };
  taskSizes: { sizes: { vcpu: number; memoryGb: MemoryChoice }[] };
}

/** A month as AWS's pricing calculator counts it. */
export const HOURS_PER_MONTH = 730;

/** An input the model cannot price, with the field to point the reader at. */
export class CostInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'CostInputError';
  }
}
