import type { BillScenario } from './bill';
import { FRONT_DOORS, UNAVAILABLE_DOORS, type FrontDoor, type OptionName } from './front-door';
import type { Architecture, CostErrorCode } from './types';

/**
 * A calculator scenario and its URL form (`?requests=…&vcpu=…`), so readers can share one.
 * Parsing never throws: it reports each unknown or unusable parameter and keeps the base value.
 */
export type Scenario = BillScenario;

const x86 = 'x86_64' as const;

/** What the three workloads share: x86, no free tier, 512 MB of /tmp, m7g.large instances. */
const lambdaDefaults = {
  architecture: x86,
  ephemeralStorageMb: 512,
  freeTier: false,
  nat: false,
  provisioned: 0,
} as const;
const fargateDefaults = { hoursPerMonth: 730, architecture: x86, spot: false, nat: false, publicIp: false } as const;
const managedDefaults = { instanceType: 'm7g.large', instances: 3, nat: false } as const;
const sharedDefaults: Scenario['shared'] = { responseKb: 10, natGb: 0, savingsPlan: false };

/** The three workloads of the cost article, front doors included, as starting points. */
export const presets = {
  /** A small API: 1M requests a month, 200 ms at 512 MB, against two small tasks behind an ALB. */
  a: {
    lambda: { ...lambdaDefaults, requestsPerMonth: 1_000_000, durationMs: 200, memoryMb: 512, door: 'http' },
    fargate: { ...fargateDefaults, vcpu: 0.25, memoryGb: 0.5, tasks: 2, door: 'alb' },
    managed: { ...managedDefaults, door: 'http' },
    shared: sharedDefaults,
  },
  /** A steady 50 requests a second at 100 ms, against two 1 vCPU / 2 GB tasks behind an ALB. */
  b: {
    lambda: { ...lambdaDefaults, requestsPerMonth: 131_400_000, durationMs: 100, memoryMb: 512, door: 'http' },
    fargate: { ...fargateDefaults, vcpu: 1, memoryGb: 2, tasks: 2, door: 'alb' },
    managed: { ...managedDefaults, door: 'http' },
    shared: sharedDefaults,
  },
  /** A nightly 4-hour batch with no front door: 15-minute chunks against one 2 vCPU / 4 GB task. */
  c: {
    lambda: { ...lambdaDefaults, requestsPerMonth: 480, durationMs: 900_000, memoryMb: 4096, door: 'none' },
    fargate: { ...fargateDefaults, vcpu: 2, memoryGb: 4, tasks: 1, hoursPerMonth: 120, door: 'none', publicIp: true },
    managed: { ...managedDefaults, door: 'none' },
    shared: sharedDefaults,
  },
} as const satisfies Record<string, Scenario>;

export type PresetName = keyof typeof presets;

type Kind = 'number' | 'flag' | 'arch' | 'text' | { door: OptionName };

/** Every URL parameter: the scenario field it sets, and what kind of value it takes. */
const PARAMS = {
  requests: ['lambda', 'requestsPerMonth', 'number'],
  duration: ['lambda', 'durationMs', 'number'],
  memory: ['lambda', 'memoryMb', 'number'],
  arch: ['lambda', 'architecture', 'arch'],
  storage: ['lambda', 'ephemeralStorageMb', 'number'],
  free: ['lambda', 'freeTier', 'flag'],
  pc: ['lambda', 'provisioned', 'number'],
  door: ['lambda', 'door', { door: 'lambda' }],
  lnat: ['lambda', 'nat', 'flag'],
  vcpu: ['fargate', 'vcpu', 'number'],
  gb: ['fargate', 'memoryGb', 'number'],
  tasks: ['fargate', 'tasks', 'number'],
  hours: ['fargate', 'hoursPerMonth', 'number'],
  farch: ['fargate', 'architecture', 'arch'],
  spot: ['fargate', 'spot', 'flag'],
  ip: ['fargate', 'publicIp', 'flag'],
  fdoor: ['fargate', 'door', { door: 'fargate' }],
  fnat: ['fargate', 'nat', 'flag'],
  itype: ['managed', 'instanceType', 'text'],
  inst: ['managed', 'instances', 'number'],
  mdoor: ['managed', 'door', { door: 'managed' }],
  mnat: ['managed', 'nat', 'flag'],
  resp: ['shared', 'responseKb', 'number'],
  natgb: ['shared', 'natGb', 'number'],
  sp: ['shared', 'savingsPlan', 'flag'],
} as const satisfies Record<string, readonly [keyof Scenario, string, Kind]>;

export type ParamName = keyof typeof PARAMS;

/** The parameters links had before front doors, networking, discounts and Managed Instances. */
const LEGACY: readonly ParamName[] = [
  'requests',
  'duration',
  'memory',
  'arch',
  'storage',
  'free',
  'vcpu',
  'gb',
  'tasks',
  'hours',
  'farch',
  'spot',
];

/**
 * What a link made before the whole bill meant for the settings it could not carry: compute only,
 * so that it still opens with the figures it was shared with.
 */
const LEGACY_DEFAULTS = {
  lambda: { door: 'none', nat: false, provisioned: 0 },
  fargate: { door: 'none', nat: false, publicIp: false },
  managed: { door: 'none', nat: false },
} as const;

/** The URL parameter of a model field, for pointing at the input a message is about. */
export const FIELD_PARAMS: Record<string, ParamName> = {
  requestsPerMonth: 'requests',
  durationMs: 'duration',
  memoryMb: 'memory',
  ephemeralStorageMb: 'storage',
  architecture: 'arch',
  provisioned: 'pc',
  'lambda.door': 'door',
  vcpu: 'vcpu',
  memoryGb: 'gb',
  tasks: 'tasks',
  hoursPerMonth: 'hours',
  spot: 'spot',
  'fargate.door': 'fdoor',
  instanceType: 'itype',
  instances: 'inst',
  'managed.door': 'mdoor',
  responseKb: 'resp',
  natGb: 'natgb',
};

/** A parameter in a link that could not be used, and why. */
export interface ParamProblem {
  param: string;
  value: string;
  kind: 'unknown' | 'malformed';
  /** Why, when the value names a front door the option cannot have. */
  code?: CostErrorCode | undefined;
}

function read(raw: string, kind: Kind): unknown {
  const value = raw.trim();
  if (kind === 'number') {
    const n = Number(value);
    // Negative and out-of-range numbers pass: the model says what the valid range is.
    return value !== '' && Number.isFinite(n) ? n : undefined;
  }
  if (kind === 'flag') return value === '1' ? true : value === '0' ? false : undefined;
  if (kind === 'arch') return value === 'x86_64' || value === 'arm64' ? (value as Architecture) : undefined;
  if (kind === 'text') return /^[a-z0-9.-]{1,40}$/.test(value) ? value : undefined;
  const door = value as FrontDoor;
  return FRONT_DOORS.includes(door) && !UNAVAILABLE_DOORS[kind.door][door] ? door : undefined;
}

function clone(s: Scenario): Scenario {
  return { lambda: { ...s.lambda }, fargate: { ...s.fargate }, managed: { ...s.managed }, shared: { ...s.shared } };
}

/**
 * Reads a scenario from a URL search string, starting from `base` for anything absent, and lists
 * the parameters it could not use. A link with only the parameters of the compute-only calculator
 * opens as it did then: no front door, no NAT, no public IPv4, no provisioned concurrency.
 */
export function parseScenarioWithProblems(
  search: string,
  base: Scenario,
): { scenario: Scenario; problems: ParamProblem[] } {
  const params = new URLSearchParams(search);
  const scenario = clone(base);
  const names = [...new Set(params.keys())];
  if (names.length > 0 && names.every((name) => (LEGACY as readonly string[]).includes(name))) {
    Object.assign(scenario.lambda, LEGACY_DEFAULTS.lambda);
    Object.assign(scenario.fargate, LEGACY_DEFAULTS.fargate);
    Object.assign(scenario.managed, LEGACY_DEFAULTS.managed);
  }
  const problems: ParamProblem[] = [];
  for (const name of names) {
    const raw = params.get(name) ?? '';
    if (!Object.hasOwn(PARAMS, name)) {
      problems.push({ param: name, value: raw, kind: 'unknown' });
      continue;
    }
    const [group, field, kind] = PARAMS[name as ParamName];
    const value = read(raw, kind);
    const code = typeof kind === 'object' ? UNAVAILABLE_DOORS[kind.door][raw.trim() as FrontDoor] : undefined;
    if (value === undefined) problems.push({ param: name, value: raw, kind: 'malformed', code });
    else (scenario[group] as Record<string, unknown>)[field] = value;
  }
  return { scenario, problems };
}

/** Reads a scenario from a URL search string, keeping `base` for anything absent or unusable. */
export function parseScenario(search: string, base: Scenario): Scenario {
  return parseScenarioWithProblems(search, base).scenario;
}

/** Writes every field of a scenario as a search string, in a stable order. */
export function formatScenario(s: Scenario): string {
  const p = new URLSearchParams();
  for (const [name, [group, field]] of Object.entries(PARAMS)) {
    const value = (s[group] as Record<string, unknown>)[field];
    p.set(name, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  return `?${p.toString()}`;
}
