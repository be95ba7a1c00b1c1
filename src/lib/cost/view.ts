import { htmlLang, type Locale } from '../i18n/locales';
import type { UIStrings } from '../i18n/ui.en';
import { breakEven } from './break-even';
import { costChartSvg } from './chart';
import { fargateMonthlyCost } from './fargate';
import { formatCount, formatNumber, formatRate, formatUsd } from './format';
import { lambdaMonthlyCost } from './lambda';
import type { Scenario } from './scenario';
import { CostInputError, type FargateFacts, type LambdaFacts } from './types';

/** Everything the calculator shows for a scenario, as display strings plus the chart markup. */
export interface CalculatorView {
  lambdaTotal: string;
  lambdaBreakdown: string;
  fargateTotal: string;
  fargateBreakdown: string;
  verdict: string;
  breakEven: string;
  summary: string;
  chartSvg: string;
}

/** What the view is when an input cannot be priced: the model field and a readable message. */
export interface CalculatorError {
  error: { field: string; message: string };
}

export interface Facts {
  lambda: LambdaFacts;
  fargate: FargateFacts;
}

/**
 * Computes the calculator's output. Used at build time (the no-JavaScript view) and in the browser
 * on every input, so both always show the same thing. Invalid inputs return an error for the field
 * instead of throwing.
 */
export function calculatorView(
  scenario: Scenario,
  facts: Facts,
  locale: Locale,
  t: UIStrings,
  chartId: string,
  chartWidth?: number,
): CalculatorView | CalculatorError {
  const usd = (n: number) => formatUsd(n, locale);
  try {
    const lambda = lambdaMonthlyCost(scenario.lambda, facts.lambda);
    const fargate = fargateMonthlyCost(scenario.fargate, facts.fargate);
    const { requestsPerMonth: _ignored, ...shape } = scenario.lambda;
    const even = fargate.total > 0 ? breakEven(shape, fargate.total, facts.lambda) : undefined;
    const cheaper =
      Math.round(lambda.total * 100) === Math.round(fargate.total * 100)
        ? t['calc.equal']
        : lambda.total < fargate.total
          ? t['calc.cheaper']('Lambda', ratio(fargate.total, lambda.total, locale))
          : t['calc.cheaper']('Fargate', ratio(lambda.total, fargate.total, locale));
    const breakEvenText = even
      ? t['calc.breakEven'](formatCount(even.requestsPerMonth, locale), formatRate(even.requestsPerSecond, locale))
      : t['calc.breakEvenNone'];
    const taskHours = scenario.fargate.tasks * scenario.fargate.hoursPerMonth;
    return {
      lambdaTotal: usd(lambda.total),
      lambdaBreakdown: t['calc.lambdaBreakdown'](
        usd(lambda.requestCost),
        usd(lambda.durationCost),
        usd(lambda.storageCost),
      ),
      fargateTotal: usd(fargate.total),
      fargateBreakdown: t['calc.fargateBreakdown'](
        formatUsd4(fargate.perTaskHour, locale),
        formatNumber(taskHours, locale),
      ),
      verdict: cheaper,
      breakEven: breakEvenText,
      summary: t['calc.summary'](usd(lambda.total), usd(fargate.total), cheaper),
      chartSvg: costChartSvg(
        {
          lambdaCost: (n) => lambdaMonthlyCost({ ...scenario.lambda, requestsPerMonth: n }, facts.lambda).total,
          fargateCost: fargate.total,
          breakEvenRequests: even?.requestsPerMonth,
        },
        {
          title: t['calc.chartTitle'],
          description: t['calc.chartDescription'](usd(lambda.total), usd(fargate.total), breakEvenText),
          xAxis: t['calc.xAxis'],
          yAxis: t['calc.yAxis'],
          lambda: 'AWS Lambda',
          fargate: 'AWS Fargate',
          breakEven: t['calc.breakEvenLabel'],
          formatRequests: (n) => formatCount(n, locale),
          formatMoney: (n) => formatUsd(n, locale).replace(/\.00$/, ''),
        },
        chartId,
        chartWidth,
      ),
    };
  } catch (error) {
    if (error instanceof CostInputError) return { error: { field: error.field, message: error.message } };
    throw error;
  }
}

function ratio(high: number, low: number, locale: Locale): string {
  return low <= 0 ? '∞' : formatNumber(high / low, locale, 1);
}

function formatUsd4(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(htmlLang[locale], {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: 4,
  }).format(amount);
}
