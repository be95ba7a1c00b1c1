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

/** Where a rate comes from, shown beside every line of the bill. */
export interface SourceRef {
  source: { title: string; url: string };
  asOf: Date;
  provenance: 'official' | 'transcription' | 'third-party';
}

/** A price per million requests that falls with volume: each tier up to a monthly count. */
export interface RequestTier {
  upToMillions?: number | undefined;
  perMillion: number;
}

export interface LambdaExtras {
  provisionedConcurrency: SourceRef & {
    architecture: Architecture;
    perGbSecondConfigured: number;
    perGbSecondDuration: number;
  };
}

export interface InstanceType extends SourceRef {
  name: string;
  architecture: Architecture;
  vcpu: number;
  memoryGb: number;
  perHour: number;
}

export interface ManagedFacts {
  requestsPerMillion: SourceRef & { value: number };
  managementFee: SourceRef & { fraction: number };
  defaultInstances: { value: number };
  instanceTypes: InstanceType[];
}

export interface FrontDoorFacts {
  functionUrl: SourceRef & { perMillion: number };
  httpApi: SourceRef & { tiers: RequestTier[] };
  restApi: SourceRef & { tiers: RequestTier[] };
  alb: SourceRef & { perHour: number; perLcuHour: number };
  lcu: SourceRef & {
    newConnectionsPerSecond: number;
    gbPerHourTargets: number;
    gbPerHourLambdaTargets: number;
  };
}

export interface PlatformFacts {
  natGateway: SourceRef & { perHour: number; perGb: number };
  publicIpv4: SourceRef & { perHour: number };
  computeSavingsPlans: {
    ec2: SourceRef & { value: number };
    lambda: SourceRef & { value: number };
    fargate: SourceRef & { value: number };
  };
}

/** A month as AWS's pricing calculator counts it. */
export const HOURS_PER_MONTH = 730;

/** Why an input cannot be priced; each code has a message in every language (src/lib/i18n/calc.*.ts). */
export type CostErrorCode =
  | 'requestsRange'
  | 'durationMin'
  | 'durationMax'
  | 'memoryRange'
  | 'ephemeralRange'
  | 'noPrice'
  | 'vcpuChoice'
  | 'memoryChoice'
  | 'tasksRange'
  | 'hoursRange'
  | 'spotArchitecture'
  | 'storageRange'
  | 'provisionedRange'
  | 'provisionedArchitecture'
  | 'instanceType'
  | 'instancesRange'
  | 'responseRange'
  | 'natGbRange'
  | 'doorUrlNotLambda'
  | 'doorRestFargate'
  | 'doorNotConfirmed'
  | 'notANumber';

/** Values a message puts in its sentence: numbers, or lists already joined. */
export type CostErrorParams = Record<string, string | number>;

/** An input the model cannot price, with the field to point the reader at and why. */
export class CostInputError extends Error {
  constructor(
    readonly field: string,
    readonly code: CostErrorCode,
    readonly params: CostErrorParams = {},
  ) {
    super(`${field}: ${code} ${JSON.stringify(params)}`);
    this.name = 'CostInputError';
  }
}
