import { describe, expect, it } from 'vitest';
import {
  axisMax,
  billFactsOf,
  calculatorView,
  costChartSvg,
  formatCount,
  formatRate,
  formatScenario,
  formatUsd,
  niceCeil,
  parseScenario,
  parseScenarioWithProblems,
  presets,
  ticks,
  wholeBill,
  xRange,
  verdictText,
  type Scenario,
} from '../../src/lib/cost';
import { calcEn } from '../../src/lib/i18n/calc.en';
import { calcZh } from '../../src/lib/i18n/calc.zh';
import { loadFacts } from '../helpers/facts';

const facts = billFactsOf(loadFacts());

describe('axes', () => {
  it('rounds to nice numbers and spans the traffic and every crossing', () => {
    expect(niceCeil(7)).toBe(10);
    expect(niceCeil(18.02)).toBe(20);
    expect(niceCeil(2.3)).toBe(2.5);
    expect(niceCeil(0)).toBe(1);
    expect(axisMax(18.9)).toBe(20);
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(xRange(0)).toBe(1_000_000);
    expect(xRange(1_000_000, [9_650_000])).toBe(20_000_000);
    expect(xRange(131_400_000, [45_000_000])).toBe(200_000_000);
  });
});

describe('formatting', () => {
  it('formats dollars and counts per language', () => {
    expect(formatUsd(1.8667, 'en')).toBe('$1.87');
    expect(formatUsd(1.8667, 'zh')).toBe('US$1.87');
    expect(formatCount(9_652_000, 'en')).toBe('9.65M');
    expect(formatCount(38_614_300, 'zh')).toBe('3860万');
    expect(formatRate(3.6712, 'en')).toBe('3.67');
    expect(formatRate(0.0000754, 'en')).toBe('0.0000754');
  });
});

describe('scenario URLs', () => {
  it('round-trips every field', () => {
    const s: Scenario = {
      ...presets.b,
      lambda: { ...presets.b.lambda, freeTier: true, architecture: 'arm64', door: 'rest', provisioned: 0 },
      fargate: { ...presets.b.fargate, spot: true, publicIp: true, nat: true },
      managed: { ...presets.b.managed, instances: 4, door: 'none' },
      shared: { responseKb: 25, natGb: 40, savingsPlan: true },
    };
    expect(parseScenario(formatScenario(s), presets.a)).toEqual(s);
  });

  it('opens a link from the compute-only calculator with the inputs it was shared with', () => {
    // A link the earlier calculator wrote: no front door, NAT, IPv4 or discounts existed then.
    const old =
      '?requests=131400000&duration=100&memory=512&arch=x86_64&storage=512&free=0&vcpu=1&gb=2&tasks=2&hours=730&farch=x86_64&spot=0';
    const { scenario, problems } = parseScenarioWithProblems(old, presets.a);
    expect(problems).toEqual([]);
    expect(scenario.lambda).toMatchObject({ requestsPerMonth: 131_400_000, durationMs: 100, door: 'none', nat: false });
    expect(scenario.fargate).toMatchObject({ vcpu: 1, memoryGb: 2, tasks: 2, door: 'none', publicIp: false });
    const bill = wholeBill(scenario, facts);
    // The compute-only figures the old calculator showed for this link.
    expect(formatUsd(bill.lambda.total, 'en')).toBe('$135.78');
    expect(formatUsd(bill.fargate.total, 'en')).toBe('$72.08');
  });

  it('lists unknown and malformed parameters, keeping the base values', () => {
    const { scenario, problems } = parseScenarioWithProblems(
      '?requests=abc&memory=-5&arch=sparc&free=maybe&tasks=3&colour=red&fdoor=url',
      presets.a,
    );
    expect(scenario.lambda.requestsPerMonth).toBe(presets.a.lambda.requestsPerMonth);
    expect(scenario.lambda.architecture).toBe('x86_64');
    expect(scenario.fargate.tasks).toBe(3);
    // A negative number is read: the model then says beside the field what the range is.
    expect(scenario.lambda.memoryMb).toBe(-5);
    expect(problems.map((p) => `${p.kind}:${p.param}${p.code ? `:${p.code}` : ''}`)).toEqual([
      'malformed:requests',
      'malformed:arch',
      'malformed:free',
      'unknown:colour',
      'malformed:fdoor:doorUrlNotLambda',
    ]);
  });
});

describe('calculator view', () => {
  it('prices workload A with its front doors, each line explained', () => {
    const view = calculatorView(presets.a, facts, 'en', calcEn, 'c');
    if (!('summary' in view)) throw new Error(view.error.message);
    // Lambda $1.87 + HTTP API $1.00; two tasks $18.02 + ALB $16.51; 3 × m7g.large $205.51 + $0.20 + $1.00.
    expect(view.totals).toEqual({ lambda: '$2.87', fargate: '$34.53', managed: '$206.71' });
    expect(view.verdict).toBe('Lambda is 12× cheaper than Fargate here.');
    expect(view.linesHtml.lambda).toContain(
      '<th scope="row">HTTP API</th><td class="how">1 million × $1.00 per million (average over tiers)</td><td class="amount">$1.00</td>',
    );
    expect(view.linesHtml.fargate).toContain('(third-party transcription)');
    expect(view.linesHtml.managed).toContain('<th scope="row">Management fee</th><td class="how">15% of $178.70</td>');
  });

  it('shows workload B in Chinese, where Fargate wins', () => {
    const view = calculatorView(presets.b, facts, 'zh', calcZh, 'c');
    if (!('summary' in view)) throw new Error(view.error.message);
    expect(view.totals.lambda).toBe('US$267.18');
    expect(view.totals.fargate).toBe('US$100.19');
    expect(view.verdict).toBe('在这个场景下 Fargate 的费用约为 Lambda 的 1/2.7。');
    expect(view.summary).toBe(`Lambda US$267.18，Fargate US$100.19，托管实例 US$363.19。${view.verdict}`);
    expect(view.crossings).toContain('盈亏平衡点');
  });

  it('says "N % cheaper" when the two cheapest are close, never "about 1× cheaper"', () => {
    const bill = (l: number, f: number, m: number) => ({
      lambda: { lines: [], total: l },
      fargate: { lines: [], total: f },
      managed: { lines: [], total: m },
    });
    expect(verdictText(bill(100, 96, 300), calcEn, 'en')).toBe('Fargate is 4% cheaper than Lambda here.');
    expect(verdictText(bill(100, 99.7, 300), calcEn, 'en')).toBe('Fargate is <1% cheaper than Lambda here.');
    expect(verdictText(bill(32, 100, 300), calcEn, 'en')).toBe('Lambda is 3.1× cheaper than Fargate here.');
    expect(verdictText(bill(50, 50, 300), calcEn, 'en')).toBe('Lambda and Fargate cost the same here.');
    expect(verdictText(bill(0, 50, 300), calcEn, 'en')).toBe('Lambda costs nothing here.');
    expect(verdictText(bill(100, 96, 300), calcZh, 'zh')).toBe('在这个场景下 Fargate 比 Lambda 便宜 4%。');
  });

  it('returns a field error in the page language instead of throwing', () => {
    const bad = { ...presets.a, fargate: { ...presets.a.fargate, vcpu: 1, memoryGb: 12 } };
    expect(calculatorView(bad, facts, 'en', calcEn, 'c')).toEqual({
      error: { field: 'memoryGb', message: '1 vCPU can have 2–8 (step 1) GB of memory; 12 GB is not one of them.' },
    });
    expect(calculatorView(bad, facts, 'zh', calcZh, 'c')).toEqual({
      error: { field: 'memoryGb', message: '1 vCPU 的任务内存只能是 2–8 (step 1) GB，不能是 12 GB。' },
    });
  });

  it('gives every error code a message in both languages', () => {
    expect(Object.keys(calcZh.errors).sort()).toEqual(Object.keys(calcEn.errors).sort());
  });
});

describe('chart', () => {
  const labels = {
    title: 'T <&>',
    description: 'D',
    xAxis: 'x',
    yAxis: 'y',
    formatRequests: (n: number) => formatCount(n, 'en'),
    formatMoney: (n: number) => formatUsd(n, 'en'),
  };
  const series = [
    { key: 'lambda', label: 'Lambda', cost: (n: number) => n * 0.0000018667 },
    { key: 'fargate', label: 'Fargate', cost: () => 18.02 },
    { key: 'managed', label: 'Managed Instances', cost: (n: number) => 205.51 + n * 0.0000002 },
  ];

  it('draws every series, marks each crossing and escapes text', () => {
    const svg = costChartSvg(
      { series, markers: [{ requestsPerMonth: 9_653_000, cost: 18.02, label: '9.65M' }], requestsPerMonth: 1e6 },
      labels,
      'c',
      640,
    );
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 640 352"[^>]*role="img"/);
    expect(svg).toContain('<title id="c-t">T &lt;&amp;&gt;</title>');
    // One path and one legend line per series.
    expect(svg.match(/class="series (lambda|fargate|managed)"/g)).toHaveLength(6);
    expect(svg).toContain('>9.65M</text>');
    // The marker sits at 9.653M of a 20M axis.
    const cx = Number(/class="break-even" cx="([\d.]+)"/.exec(svg)![1]);
    const left = Number(/<line class="grid" x1="([\d.]+)"/.exec(svg)![1]);
    expect((cx - left) / (640 - 16 - left)).toBeCloseTo(9_653_000 / 20_000_000, 2);
  });

  it('omits markers when nothing crosses', () => {
    const svg = costChartSvg({ series, markers: [], requestsPerMonth: 1e6 }, labels, 'c');
    expect(svg).not.toContain('class="break-even"');
  });
});
