import {
  CostInputError,
  HOURS_PER_MONTH,
  type CostErrorCode,
  type FrontDoorFacts,
  type RequestTier,
  type SourceRef,
} from './types';

/** What receives requests before the compute. `none` is event-driven work with no HTTP entry. */
export const FRONT_DOORS = ['none', 'url', 'http', 'rest', 'alb'] as const;
export type FrontDoor = (typeof FRONT_DOORS)[number];

/** The three ways to run the code that the calculator prices. */
export type OptionName = 'lambda' | 'fargate' | 'managed';

/**
 * Front doors that do not exist for an option, with why. A function URL belongs to a Lambda
 * function; a REST API reaches Fargate only through a VPC link to a Network Load Balancer, which
 * is not priced here; function URLs and ALB targets were not confirmed for Managed Instances.
 */
export const UNAVAILABLE_DOORS: Record<OptionName, Partial<Record<FrontDoor, CostErrorCode>>> = {
  lambda: {},
  fargate: { url: 'doorUrlNotLambda', rest: 'doorRestFargate' },
  managed: { url: 'doorNotConfirmed', alb: 'doorNotConfirmed' },
};

/** The front doors an option can have, in display order. */
export function doorsFor(option: OptionName): FrontDoor[] {
  return FRONT_DOORS.filter((door) => !UNAVAILABLE_DOORS[option][door]);
}

/** One priced part of a bill: what, how much of it, at what rate, from which source. */
export interface CostLine {
  key: LineKey;
  amount: number;
  quantity: number;
  rate: number;
  /** A discount line's share, e.g. 0.17; absent for priced quantities. */
  share?: number;
  source?: SourceRef | undefined;
}

export type LineKey =
  | 'requests'
  | 'duration'
  | 'ephemeral'
  | 'pcConfigured'
  | 'pcDuration'
  | 'taskCompute'
  | 'taskStorage'
  | 'spot'
  | 'instances'
  | 'fee'
  | 'doorUrl'
  | 'doorHttp'
  | 'doorRest'
  | 'albHours'
  | 'albLcu'
  | 'natHours'
  | 'natGb'
  | 'ipv4'
  | 'savingsPlan';

/** Cost of `requests` in a month at a tiered price per million, walking the tiers in order. */
export function tieredRequestCost(requests: number, tiers: RequestTier[]): number {
  let cost = 0;
  let start = 0;
  const millions = requests / 1e6;
  for (const tier of tiers) {
    const end = tier.upToMillions ?? Number.POSITIVE_INFINITY;
    cost += Math.max(0, Math.min(millions, end) - start) * tier.perMillion;
    start = end;
  }
  return cost;
}

export interface TrafficShape {
  requestsPerMonth: number;
  /** Average response size in KB (1 KB = 1,000 bytes), for the bytes an ALB processes. */
  responseKb: number;
}

/**
 * LCUs an ALB uses on average: the largest of its billing dimensions. New connections assume one
 * connection per request (no keep-alive, the worst case); processed bytes are the responses. Active
 * connections and rule evaluations stay below these for request-response traffic and are left out.
 */
export function albLcus(traffic: TrafficShape, lambdaTargets: boolean, facts: FrontDoorFacts): number {
  const perSecond = traffic.requestsPerMonth / (HOURS_PER_MONTH * 3600);
  const connections = perSecond / facts.lcu.newConnectionsPerSecond;
  const gbPerHour = (perSecond * 3600 * traffic.responseKb * 1000) / 1e9;
  const bytes = gbPerHour / (lambdaTargets ? facts.lcu.gbPerHourLambdaTargets : facts.lcu.gbPerHourTargets);
  return Math.max(connections, bytes);
}

/** The lines a front door adds to an option's monthly bill; refuses a door the option cannot have. */
export function frontDoorLines(
  option: OptionName,
  door: FrontDoor,
  traffic: TrafficShape,
  facts: FrontDoorFacts,
): CostLine[] {
  const refused = UNAVAILABLE_DOORS[option][door];
  if (refused) throw new CostInputError(`${option}.door`, refused, { door });
  const millions = traffic.requestsPerMonth / 1e6;
  switch (door) {
    case 'none':
      return [];
    case 'url':
      return [
        {
          key: 'doorUrl',
          amount: millions * facts.functionUrl.perMillion,
          quantity: millions,
          rate: facts.functionUrl.perMillion,
          source: facts.functionUrl,
        },
      ];
    case 'http':
    case 'rest': {
      const api = door === 'http' ? facts.httpApi : facts.restApi;
      const amount = tieredRequestCost(traffic.requestsPerMonth, api.tiers);
      return [
        {
          key: door === 'http' ? 'doorHttp' : 'doorRest',
          amount,
          quantity: millions,
          // The average rate over the tiers used, so quantity × rate is the amount.
          rate: millions > 0 ? amount / millions : api.tiers[0]!.perMillion,
          source: api,
        },
      ];
    }
    case 'alb': {
      const lcuHours = albLcus(traffic, option !== 'fargate', facts) * HOURS_PER_MONTH;
      return [
        {
          key: 'albHours',
          amount: HOURS_PER_MONTH * facts.alb.perHour,
          quantity: HOURS_PER_MONTH,
          rate: facts.alb.perHour,
          source: facts.alb,
        },
        {
          key: 'albLcu',
          amount: lcuHours * facts.alb.perLcuHour,
          quantity: lcuHours,
          rate: facts.alb.perLcuHour,
          source: facts.lcu,
        },
      ];
    }
  }
}
