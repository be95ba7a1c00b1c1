import type { FargateInput } from './fargate';
import type { LambdaInput } from './lambda';

/**
 * A calculator scenario and its URL form (`?requests=…&vcpu=…`), so readers can share one.
 * Parsing never throws: unknown or malformed values fall back to the base scenario.
 */
export interface Scenario {
  lambda: Omit<LambdaInput, 'region'>;
  fargate: Omit<FargateInput, 'region' | 'storageGb'>;
}

/** The worked examples of the fact sheet, as starting points. */
export const presets = {
  /** A small API: 1M requests a month, 200 ms at 512 MB, against two small tasks. */
  a: {
    lambda: {
      requestsPerMonth: 1_000_000,
      durationMs: 200,
      memoryMb: 512,
      architecture: 'x86_64',
      ephemeralStorageMb: 512,
      freeTier: false,
    },
    fargate: { vcpu: 0.25, memoryGb: 0.5, tasks: 2, hoursPerMonth: 730, architecture: 'x86_64', spot: false },
  },
  /** A steady 50 requests a second at 100 ms, against two 1 vCPU / 2 GB tasks. */
  b: {
    lambda: {
      requestsPerMonth: 131_400_000,
      durationMs: 100,
      memoryMb: 512,
      architecture: 'x86_64',
      ephemeralStorageMb: 512,
      freeTier: false,
    },
    fargate: { vcpu: 1, memoryGb: 2, tasks: 2, hoursPerMonth: 730, architecture: 'x86_64', spot: false },
  },
  /** A nightly 4-hour batch, as 15-minute Lambda chunks against one 2 vCPU / 4 GB task. */
  c: {
    lambda: {
      requestsPerMonth: 480,
      durationMs: 900_000,
      memoryMb: 4096,
      architecture: 'x86_64',
      ephemeralStorageMb: 512,
      freeTier: false,
    },
    fargate: { vcpu: 2, memoryGb: 4, tasks: 1, hoursPerMonth: 120, architecture: 'x86_64', spot: false },
  },
} as const satisfies Record<string, Scenario>;

export type PresetName = keyof typeof presets;

const keys = {
  requests: 'requests',
  duration: 'duration',
  memory: 'memory',
  arch: 'arch',
  storage: 'storage',
  free: 'free',
  vcpu: 'vcpu',
  gb: 'gb',
  tasks: 'tasks',
  hours: 'hours',
  farch: 'farch',
  spot: 'spot',
} as const;

function num(params: URLSearchParams, key: string, fallback: number): number {
  const raw = params.get(key);
  if (raw === null || raw.trim() === '') return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

function arch(params: URLSearchParams, key: string, fallback: 'x86_64' | 'arm64'): 'x86_64' | 'arm64' {
  const raw = params.get(key);
  return raw === 'x86_64' || raw === 'arm64' ? raw : fallback;
}

function flag(params: URLSearchParams, key: string, fallback: boolean): boolean {
  const raw = params.get(key);
  return raw === '1' ? true : raw === '0' ? false : fallback;
}

/** Reads a scenario from a URL search string, starting from `base` for anything absent. */
export function parseScenario(search: string, base: Scenario): Scenario {
  const p = new URLSearchParams(search);
  return {
    lambda: {
      requestsPerMonth: num(p, keys.requests, base.lambda.requestsPerMonth),
      durationMs: num(p, keys.duration, base.lambda.durationMs),
      memoryMb: num(p, keys.memory, base.lambda.memoryMb),
      architecture: arch(p, keys.arch, base.lambda.architecture),
      ephemeralStorageMb: num(p, keys.storage, base.lambda.ephemeralStorageMb),
      freeTier: flag(p, keys.free, base.lambda.freeTier),
    },
    fargate: {
      vcpu: num(p, keys.vcpu, base.fargate.vcpu),
      memoryGb: num(p, keys.gb, base.fargate.memoryGb),
      tasks: num(p, keys.tasks, base.fargate.tasks),
      hoursPerMonth: num(p, keys.hours, base.fargate.hoursPerMonth),
      architecture: arch(p, keys.farch, base.fargate.architecture),
      spot: flag(p, keys.spot, base.fargate.spot),
    },
  };
}

/** Writes every field of a scenario as a search string, in a stable order. */
export function formatScenario(s: Scenario): string {
  const p = new URLSearchParams();
  p.set(keys.requests, String(s.lambda.requestsPerMonth));
  p.set(keys.duration, String(s.lambda.durationMs));
  p.set(keys.memory, String(s.lambda.memoryMb));
  p.set(keys.arch, s.lambda.architecture);
  p.set(keys.storage, String(s.lambda.ephemeralStorageMb));
  p.set(keys.free, s.lambda.freeTier ? '1' : '0');
  p.set(keys.vcpu, String(s.fargate.vcpu));
  p.set(keys.gb, String(s.fargate.memoryGb));
  p.set(keys.tasks, String(s.fargate.tasks));
  p.set(keys.hours, String(s.fargate.hoursPerMonth));
  p.set(keys.farch, s.fargate.architecture);
  p.set(keys.spot, s.fargate.spot ? '1' : '0');
  return `?${p.toString()}`;
}
