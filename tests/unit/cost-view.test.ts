import { describe, expect, it } from 'vitest';
import {
  axisMax,
  calculatorView,
  costChartSvg,
  formatCount,
  formatRate,
  formatScenario,
  formatUsd,
  niceCeil,
  parseScenario,
  presets,
  ticks,
  xRange,
} from '../../src/lib/cost';
import { en } from '../../src/lib/i18n/ui.en';
import { zh } from '../../src/lib/i18n/ui.zh';
import { loadFacts } from '../helpers/facts';

const facts = loadFacts();

describe('axes', () => {
  it('rounds to nice numbers', () => {
    expect(niceCeil(7)).toBe(10);
    expect(niceCeil(18.02)).toBe(20);
    expect(niceCeil(2.3)).toBe(2.5);
    expect(niceCeil(0)).toBe(1);
    expect(axisMax(18.9)).toBe(20);
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(xRange(9_650_000)).toBe(20_000_000);
    expect(xRange(undefined)).toBe(1_000_000);
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
    const s = { ...presets.b, lambda: { ...presets.b.lambda, freeTier: true, architecture: 'arm64' as const } };
    expect(parseScenario(formatScenario(s), presets.a)).toEqual(s);
  });

  it('falls back to the base scenario for missing or malformed values', () => {
    const s = parseScenario('?requests=abc&memory=-5&arch=sparc&free=maybe&tasks=3', presets.a);
    expect(s.lambda).toEqual(presets.a.lambda);
    expect(s.fargate.tasks).toBe(3);
  });
});

describe('calculator view', () => {
  it('shows workload A with the numbers of the fact sheet', () => {
    const view = calculatorView(presets.a, facts, 'en', en, 'c');
    expect(view).toMatchObject({
      lambdaTotal: '$1.87',
      fargateTotal: '$18.02',
      verdict: 'Lambda costs less here: about 9.7× cheaper.',
      breakEven:
        'Break-even: 9.65M requests a month (3.67 per second on average). Below it Lambda costs less; above it Fargate does.',
    });
  });

  it('shows workload B in Chinese, where Fargate wins', () => {
    const view = calculatorView(presets.b, facts, 'zh', zh, 'c');
    if (!('summary' in view)) throw new Error(view.error.message);
    expect(view.lambdaTotal).toBe('US$135.78');
    expect(view.fargateTotal).toBe('US$72.08');
    expect(view.verdict).toContain('Fargate 更便宜');
    expect(view.summary).toBe(`Lambda 每月 US$135.78，Fargate 每月 US$72.08。${view.verdict}`);
  });

  it('returns a field error instead of throwing for an invalid input', () => {
    const bad = { ...presets.a, fargate: { ...presets.a.fargate, vcpu: 1, memoryGb: 12 } };
    expect(calculatorView(bad, facts, 'en', en, 'c')).toEqual({
      error: {
        field: 'memoryGb',
        message: '1 vCPU can have 2–8 GB in 1 GB steps of memory; 12 GB is not a valid combination.',
      },
    });
  });
});

describe('chart', () => {
  const labels = {
    title: 'T <&>',
    description: 'D',
    xAxis: 'x',
    yAxis: 'y',
    lambda: 'AWS Lambda',
    fargate: 'AWS Fargate',
    breakEven: 'break-even',
    formatRequests: (n: number) => formatCount(n, 'en'),
    formatMoney: (n: number) => formatUsd(n, 'en'),
  };

  it('draws both series, marks the break-even and escapes text', () => {
    const svg = costChartSvg(
      { lambdaCost: (n) => n * 0.0000018667, fargateCost: 18.02, breakEvenRequests: 9_653_000 },
      labels,
      'c',
      640,
    );
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 640 352"[^>]*role="img"/);
    expect(svg).toContain('<title id="c-t">T &lt;&amp;&gt;</title>');
    expect(svg.match(/class="series (lambda|fargate)"/g)).toHaveLength(4);
    expect(svg).toContain('class="break-even"');
    // The marker sits at 9.653M of a 20M axis.
    const cx = Number(/class="break-even" cx="([\d.]+)"/.exec(svg)![1]);
    const left = Number(/<line class="grid" x1="([\d.]+)"/.exec(svg)![1]);
    expect((cx - left) / (640 - 16 - left)).toBeCloseTo(9_653_000 / 20_000_000, 2);
  });

  it('omits the marker when there is no break-even point', () => {
    const svg = costChartSvg({ lambdaCost: () => 0, fargateCost: 0 }, labels, 'c');
    expect(svg).not.toContain('class="break-even"');
  });
});
