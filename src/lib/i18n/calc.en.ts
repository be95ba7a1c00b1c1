import type { CostErrorCode, CostErrorParams } from '../cost/types';
import type { FrontDoor, LineKey, OptionName } from '../cost/front-door';

/**
 * The cost calculator's words, apart from the rest of the site's so that the calculator's script
 * downloads only these, in the page's language. calc.zh.ts has the same keys (the type checks it).
 */
export interface CalcStrings {
  options: Record<OptionName, string>;
  /** Short names for the chart legend and the verdict. */
  short: Record<OptionName, string>;
  doors: Record<FrontDoor, string>;
  workload: string;
  fields: {
    requests: string;
    responseKb: string;
    natGb: string;
    savingsPlan: string;
    duration: string;
    memory: string;
    architecture: string;
    storage: string;
    freeTier: string;
    provisioned: string;
    door: string;
    nat: string;
    vcpu: string;
    taskMemory: string;
    tasks: string;
    hours: string;
    spot: string;
    publicIp: string;
    instanceType: string;
    instances: string;
  };
  hints: {
    hours: string;
    responseKb: string;
    natGb: string;
    savingsPlan: string;
    provisioned: string;
    instances: string;
  };
  results: string;
  perMonth: string;
  /** Opens the lines that make up an option's total. */
  breakdown: string;
  /** Between the items of a list in a sentence. */
  sep: string;
  lines: Record<LineKey, string>;
  /** How a line's figure is made: quantity and rate, already formatted. */
  formula: Record<Exclude<LineKey, 'spot' | 'fee' | 'savingsPlan'>, (quantity: string, rate: string) => string>;
  /** A share of a base amount: the Spot and Savings Plan discounts, the management fee. */
  share: (share: string, base: string) => string;
  asOf: (date: string) => string;
  provenance: { transcription: string; 'third-party': string };
  cheaperPercent: (cheapest: string, other: string, percent: string) => string;
  cheaperTimes: (cheapest: string, other: string, times: string) => string;
  cheaperFree: (cheapest: string) => string;
  equal: (a: string, b: string) => string;
  crossing: (a: string, b: string, perMonth: string, perSecond: string, cheaperAbove: string) => string;
  noCrossing: string;
  summary: (totals: string, verdict: string) => string;
  chartTitle: string;
  chartDescription: (totals: string, crossings: string) => string;
  xAxis: string;
  yAxis: string;
  share_link: string;
  openInTool: string;
  noscript: string;
  notes: string[];
  errors: Record<CostErrorCode, (p: CostErrorParams) => string>;
  urlUnknown: (param: string) => string;
  urlMalformed: (param: string, value: string) => string;
  urlNotice: string;
}

const n = (v: string | number | undefined) => (typeof v === 'number' ? v.toLocaleString('en') : String(v));

export const calcEn: CalcStrings = {
  options: { lambda: 'AWS Lambda', fargate: 'AWS Fargate', managed: 'Lambda Managed Instances' },
  short: { lambda: 'Lambda', fargate: 'Fargate', managed: 'Managed Instances' },
  doors: {
    none: 'None (events, no HTTP)',
    url: 'Function URL',
    http: 'API Gateway HTTP API',
    rest: 'API Gateway REST API',
    alb: 'Application Load Balancer',
  },
  workload: 'Workload',
  fields: {
    requests: 'Requests per month',
    responseKb: 'Average response (KB)',
    natGb: 'Data through each NAT gateway (GB a month)',
    savingsPlan: 'Compute Savings Plan (best published discount)',
    duration: 'Average duration (ms)',
    memory: 'Memory (MB)',
    architecture: 'Architecture',
    storage: 'Ephemeral storage (MB)',
    freeTier: 'Include the monthly free tier',
    provisioned: 'Provisioned concurrency (environments)',
    door: 'Front door',
    nat: 'NAT gateway (runs in a VPC that reaches the internet)',
    vcpu: 'vCPU per task',
    taskMemory: 'Memory per task (GB)',
    tasks: 'Number of tasks',
    hours: 'Hours each task runs per month',
    spot: 'Fargate Spot (best case)',
    publicIp: 'A public IPv4 address per task',
    instanceType: 'Instance type',
    instances: 'Instances',
  },
  hints: {
    hours: '730 = always on',
    responseKb: 'Sizes the load balancer’s LCUs',
    natGb: 'Applies to each option with a NAT gateway',
    savingsPlan: 'Lambda 17 % and Fargate 52 % (third-party figures), EC2 66 %; not the fee, Spot or API Gateway',
    provisioned: 'Kept warm all month; x86_64 only here',
    instances: 'At least 3: Lambda launches 3 for availability',
  },
  results: 'Monthly cost',
  perMonth: 'per month',
  sep: ', ',
  breakdown: 'How this adds up',
  lines: {
    requests: 'Requests',
    duration: 'Duration',
    ephemeral: 'Ephemeral storage above 512 MB',
    pcConfigured: 'Provisioned concurrency, configured',
    pcDuration: 'Provisioned concurrency, duration',
    taskCompute: 'Task vCPU and memory',
    taskStorage: 'Task storage above 20 GB',
    spot: 'Fargate Spot discount',
    instances: 'EC2 instances',
    fee: 'Management fee',
    doorUrl: 'Function URL',
    doorHttp: 'HTTP API',
    doorRest: 'REST API',
    albHours: 'ALB hours',
    albLcu: 'ALB capacity units',
    natHours: 'NAT gateway hours',
    natGb: 'NAT gateway data',
    ipv4: 'Public IPv4',
    savingsPlan: 'Savings Plan discount',
  },
  formula: {
    requests: (q, r) => `${q} million × ${r} per million`,
    duration: (q, r) => `${q} GB-s × ${r}`,
    ephemeral: (q, r) => `${q} GB-s × ${r}`,
    pcConfigured: (q, r) => `${q} GB-s × ${r}`,
    pcDuration: (q, r) => `${q} GB-s × ${r}`,
    taskCompute: (q, r) => `${q} task-hours × ${r}`,
    taskStorage: (q, r) => `${q} task-hours × ${r}`,
    instances: (q, r) => `${q} instance-hours × ${r}`,
    doorUrl: (q, r) => `${q} million × ${r} per million`,
    doorHttp: (q, r) => `${q} million × ${r} per million (average over tiers)`,
    doorRest: (q, r) => `${q} million × ${r} per million (average over tiers)`,
    albHours: (q, r) => `${q} h × ${r}`,
    albLcu: (q, r) => `${q} LCU-hours × ${r}`,
    natHours: (q, r) => `${q} h × ${r}`,
    natGb: (q, r) => `${q} GB × ${r}`,
    ipv4: (q, r) => `${q} address-hours × ${r}`,
  },
  share: (share, base) => `${share} of ${base}`,
  asOf: (date) => `as of ${date}`,
  provenance: { transcription: 'third-party transcription', 'third-party': 'third-party' },
  cheaperPercent: (cheapest, other, percent) => `${cheapest} is ${percent} cheaper than ${other} here.`,
  cheaperTimes: (cheapest, other, times) => `${cheapest} is ${times}× cheaper than ${other} here.`,
  cheaperFree: (cheapest) => `${cheapest} costs nothing here.`,
  equal: (a, b) => `${a} and ${b} cost the same here.`,
  crossing: (a, b, perMonth, perSecond, cheaperAbove) =>
    `${a} and ${b} cost the same at ${perMonth} requests a month (${perSecond} a second); above that, ${cheaperAbove} is cheaper.`,
  noCrossing: 'No option overtakes another between 1,000 and a trillion requests a month.',
  summary: (totals, verdict) => `${totals}. ${verdict}`,
  chartTitle: 'Monthly cost against monthly requests',
  chartDescription: (totals, crossings) => `At this scenario’s traffic: ${totals}. ${crossings}`,
  xAxis: 'Requests per month',
  yAxis: 'USD per month',
  share_link: 'Link to this scenario',
  openInTool: 'Open in the calculator',
  noscript: 'This is the default scenario, computed when the page was built. Turn on JavaScript to change the inputs.',
  notes: [
    'us-east-1, on-demand prices in USD; a month is 730 hours.',
    'Each option keeps the capacity you give it: tasks and instances do not scale with the requests, so check they can carry the traffic.',
    'An ALB is estimated with one new connection per request (no keep-alive) and the responses as its processed bytes; its own public IPv4 addresses are not counted.',
    'Spot and Savings Plans are priced at their best published discounts, so they are lower bounds. A Savings Plan is not applied to Spot, to requests or to the Managed Instances fee (AWS does not say whether it applies).',
    'Not included: data transfer out, CloudWatch Logs, Step Functions, EKS cluster fees and VPC endpoints.',
  ],
  errors: {
    requestsRange: (p) => `Requests per month must be from 0 to ${n(p['max'])}.`,
    durationMin: () => 'Average duration must be above 0 ms.',
    durationMax: (p) =>
      `A standard Lambda invocation runs at most ${n(p['seconds'])} seconds (${n(p['ms'])} ms); longer work needs durable functions, Managed Instances or Fargate.`,
    memoryRange: (p) => `Memory must be a whole number of MB from ${n(p['min'])} to ${n(p['max'])}.`,
    ephemeralRange: (p) => `Ephemeral storage must be a whole number of MB from ${n(p['min'])} to ${n(p['max'])}.`,
    noPrice: (p) => `There is no ${p['service']} price for ${p['architecture']} in ${p['region']} in our data.`,
    vcpuChoice: (p) => `Fargate tasks come in ${p['options']} vCPU; ${p['vcpu']} is not one of them.`,
    memoryChoice: (p) =>
      `${p['vcpu']} vCPU can have ${p['options']} GB of memory; ${p['memory']} GB is not one of them.`,
    tasksRange: (p) => `The number of tasks must be a whole number from 0 to ${n(p['max'])}.`,
    hoursRange: (p) => `Hours per month must be from 0 to ${n(p['max'])} (a 31-day month).`,
    spotArchitecture: (p) => `Fargate Spot runs on ${p['architectures']} only.`,
    storageRange: (p) => `Task storage must be from ${n(p['min'])} to ${n(p['max'])} GB.`,
    provisionedRange: (p) => `Provisioned concurrency must be a whole number from 0 to ${n(p['max'])}.`,
    provisionedArchitecture: (p) =>
      `Provisioned concurrency is priced here for ${p['supported']} only: the ${p['architecture']} rate is not in our data.`,
    instanceType: (p) => `Choose one of the instance types listed: ${p['options']}.`,
    instancesRange: (p) =>
      `Instances must be a whole number from ${n(p['min'])} (Lambda launches ${n(p['min'])} for availability) to ${n(p['max'])}.`,
    responseRange: (p) => `The average response must be from 0 to ${n(p['max'])} KB.`,
    natGbRange: (p) => `Data through NAT must be from 0 to ${n(p['max'])} GB a month.`,
    doorUrlNotLambda: () =>
      'Function URLs exist only for Lambda functions; put an ALB or an HTTP API in front of Fargate.',
    doorRestFargate: () =>
      'A REST API reaches Fargate only through a VPC link to a Network Load Balancer, which this calculator does not price; choose an ALB or an HTTP API.',
    doorNotConfirmed: () =>
      'AWS documentation does not confirm this front door for Lambda Managed Instances; choose an HTTP or a REST API.',
    notANumber: () => 'Enter a number, such as 1000000.',
  },
  urlUnknown: (param) => `The link has a setting this calculator does not know, "${param}"; it was ignored.`,
  urlMalformed: (param, value) => `The link’s ${param}=${value} cannot be used; the default was kept.`,
  urlNotice: 'Some settings in the link could not be used:',
};
