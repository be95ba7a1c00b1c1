import { formatDate } from '../dates';
import type { CalcStrings } from '../i18n';
import { htmlLang, type Locale } from '../i18n/locales';
import { atRequests, crossings, LIMITS, wholeBill, type Bill, type BillFacts } from './bill';
import { costChartSvg } from './chart';
import { formatCount, formatNumber, formatRate, formatUnitPrice, formatUsd } from './format';
import type { CostLine, OptionName } from './front-door';
import type { Scenario } from './scenario';
import { CostInputError, HOURS_PER_MONTH } from './types';

export const OPTIONS: readonly OptionName[] = ['lambda', 'fargate', 'managed'];

/** Everything the calculator shows for a scenario: display strings plus the bill and chart markup. */
export interface CalculatorView {
  totals: Record<OptionName, string>;
  /** Each option's lines as table rows (HTML), with formula, amount and source. */
  linesHtml: Record<OptionName, string>;
  verdict: string;
  crossings: string;
  summary: string;
  chartSvg: string;
}

/** What the view is when an input cannot be priced: the model field and a message in the page's language. */
export interface CalculatorError {
  error: { field: string; message: string };
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Money with cents; a discount is written with a true minus sign. */
function money(amount: number, locale: Locale): string {
  const text = formatUsd(Math.abs(amount), locale);
  return amount < -0.004 ? `−${text}` : text;
}

function percent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(htmlLang[locale], { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** One line of the bill as a table row: what, how it is made, how much, and where the rate comes from. */
function lineRow(line: CostLine, t: CalcStrings, locale: Locale): string {
  const how =
    line.share !== undefined
      ? t.share(percent(line.share, locale), money(line.quantity, locale))
      : t.formula[line.key as keyof CalcStrings['formula']](
          formatNumber(line.quantity, locale, 2),
          formatUnitPrice(line.rate, locale),
        );
  const src = line.source;
  const source = src
    ? `<a href="${escape(src.source.url)}" rel="noopener noreferrer">${escape(src.source.title)}</a>, ${escape(
        t.asOf(formatDate(src.asOf, locale)),
      )}${src.provenance === 'official' ? '' : ` (${escape(t.provenance[src.provenance])})`}`
    : '';
  return `<tr><th scope="row">${escape(t.lines[line.key])}</th><td class="how">${escape(how)}</td><td class="amount">${escape(
    money(line.amount, locale),
  )}</td><td class="src">${source}</td></tr>`;
}

/** "Lambda is 3.2× cheaper than Fargate here", as a person would say it; never "about 1× cheaper". */
export function verdictText(bill: Bill, t: CalcStrings, locale: Locale): string {
  const [first, second] = [...OPTIONS].sort((a, b) => bill[a].total - bill[b].total);
  const low = bill[first!].total;
  const high = bill[second!].total;
  const a = t.short[first!];
  const b = t.short[second!];
  if (Math.round(low * 100) === Math.round(high * 100)) return t.equal(a, b);
  if (low < 0.005) return t.cheaperFree(a);
  const ratio = high / low;
  if (ratio < 1.5) {
    const saved = (1 - low / high) * 100;
    const text = saved < 1 ? '<1%' : percent(Math.round(saved) / 100, locale);
    return t.cheaperPercent(a, b, text);
  }
  return t.cheaperTimes(a, b, formatNumber(ratio, locale, ratio < 10 ? 1 : 0));
}

/**
 * Computes the calculator's output. Used at build time (the no-JavaScript view) and in the browser
 * on every input, so both always show the same thing. Invalid inputs return an error for the field,
 * in the page's language, instead of throwing.
 */
export function calculatorView(
  scenario: Scenario,
  facts: BillFacts,
  locale: Locale,
  t: CalcStrings,
  chartId: string,
  chartWidth?: number,
): CalculatorView | CalculatorError {
  try {
    const bill = wholeBill(scenario, facts);
    const crossed = crossings(scenario, facts);
    const totals = Object.fromEntries(OPTIONS.map((o) => [o, money(bill[o].total, locale)])) as Record<
      OptionName,
      string
    >;
    const linesHtml = Object.fromEntries(
      OPTIONS.map((o) => [o, bill[o].lines.map((line) => lineRow(line, t, locale)).join('')]),
    ) as Record<OptionName, string>;
    const verdict = verdictText(bill, t, locale);
    const crossingText = crossed.length
      ? crossed
          .map((c) =>
            t.crossing(
              t.short[c.between[0]],
              t.short[c.between[1]],
              formatCount(c.requestsPerMonth, locale),
              formatRate(c.requestsPerMonth / (HOURS_PER_MONTH * 3600), locale),
              t.short[c.cheaperAbove],
            ),
          )
          .join(' ')
      : t.noCrossing;
    const totalsText = OPTIONS.map((o) => `${t.short[o]} ${totals[o]}`).join(t.sep);
    const cost = (option: OptionName) => (n: number) =>
      wholeBill(atRequests(scenario, Math.min(n, LIMITS.requestsPerMonth)), facts)[option].total;
    return {
      totals,
      linesHtml,
      verdict,
      crossings: crossingText,
      summary: t.summary(totalsText, verdict),
      chartSvg: costChartSvg(
        {
          series: OPTIONS.map((o) => ({ key: o, label: t.short[o], cost: cost(o) })),
          markers: crossed.map((c) => ({
            requestsPerMonth: c.requestsPerMonth,
            cost: cost(c.between[0])(c.requestsPerMonth),
            label: formatCount(c.requestsPerMonth, locale),
          })),
          requestsPerMonth: scenario.lambda.requestsPerMonth,
        },
        {
          title: t.chartTitle,
          description: t.chartDescription(totalsText, crossingText),
          xAxis: t.xAxis,
          yAxis: t.yAxis,
          formatRequests: (n) => formatCount(n, locale),
          formatMoney: (n) => formatUsd(n, locale).replace(/\.00$/, ''),
        },
        chartId,
        chartWidth,
      ),
    };
  } catch (error) {
    if (error instanceof CostInputError) {
      return { error: { field: error.field, message: t.errors[error.code](error.params) } };
    }
    throw error;
  }
}
