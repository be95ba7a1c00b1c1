/**
 * The calculator's chart as SVG markup: monthly cost against monthly requests, one line per option
 * (each grows with traffic at its own rate: per request for Lambda, per front-door request or LCU
 * for the others), with each point where two lines cross marked and labelled. Pure string output,
 * rendered at build time for the no-JavaScript view and again in the browser as inputs change, so
 * both views come from one function.
 */

export interface ChartSeries {
  /** CSS class of the line: `lambda`, `fargate` or `managed`. */
  key: string;
  label: string;
  cost: (requestsPerMonth: number) => number;
}

export interface ChartMarker {
  requestsPerMonth: number;
  /** The cost where the lines meet. */
  cost: number;
  label: string;
}

export interface ChartInput {
  series: ChartSeries[];
  markers: ChartMarker[];
  /** The scenario's own traffic, which the x axis always includes. */
  requestsPerMonth: number;
}

export interface ChartLabels {
  title: string;
  description: string;
  xAxis: string;
  yAxis: string;
  formatRequests: (n: number) => string;
  formatMoney: (n: number) => string;
}

const PAD = { top: 20, right: 16, bottom: 56 };
const SAMPLES = 48;
const TICKS = 4;

/** A "nice" number (1, 2, 2.5 or 5 × 10ⁿ) at or above `value`, for axis ends and steps. */
export function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const exponent = Math.floor(Math.log10(value));
  const base = 10 ** exponent;
  const fraction = value / base;
  const nice = [1, 2, 2.5, 5, 10].find((n) => fraction <= n + 1e-9) ?? 10;
  return nice * base;
}

/** Five evenly spaced ticks from 0 to `max` (which should be nice). */
export function ticks(max: number, count = TICKS): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

/** An axis end at or above `value` whose quarter steps are nice numbers. */
export function axisMax(value: number, count = TICKS): number {
  return niceCeil(value / count) * count;
}

/** The x range: the scenario's traffic and every crossing, with room past them; at least a million. */
export function xRange(requestsPerMonth: number, crossings: number[] = []): number {
  return axisMax(Math.max(1_000_000, 1.25 * requestsPerMonth, ...crossings.map((c) => 1.5 * c)));
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fixed = (n: number) => Number(n.toFixed(1));

/**
 * The chart as an <svg> string. Its viewBox width is the width it will be shown at (the browser
 * passes its container's width), so one user unit is one CSS pixel and text stays legible on phones.
 */
export function costChartSvg(input: ChartInput, labels: ChartLabels, id: string, width = 640): string {
  const WIDTH = Math.round(Math.min(760, Math.max(300, width)));
  const HEIGHT = Math.round(Math.min(380, Math.max(280, WIDTH * 0.55)));
  const xMax = xRange(
    input.requestsPerMonth,
    input.markers.map((m) => m.requestsPerMonth),
  );
  const samples = Array.from({ length: SAMPLES + 1 }, (_, i) => (xMax * i) / SAMPLES);
  const values = input.series.map((s) => samples.map((n) => s.cost(n)));
  const yMax = axisMax(Math.max(1, ...values.flat()) * 1.05);
  const yTicks = ticks(yMax);
  // Room for the widest money label (about 7 px a character at 12 px) plus the rotated axis title.
  const left = 34 + 7 * Math.max(...yTicks.map((tick) => labels.formatMoney(tick).length));
  const legendRows = input.series.length;
  const pad = { ...PAD, left, top: PAD.top + 20 * legendRows };
  const plotW = WIDTH - pad.left - pad.right;
  const plotH = HEIGHT - pad.top - pad.bottom;
  const x = (n: number) => fixed(pad.left + (n / xMax) * plotW);
  const y = (cost: number) => fixed(pad.top + plotH - (Math.min(cost, yMax) / yMax) * plotH);
  const line = (points: [number, number][]) =>
    points.map(([px, py], i) => `${i ? 'L' : 'M'}${x(px)} ${y(py)}`).join(' ');

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-t ${id}-d" class="cost-chart">`,
    `<title id="${id}-t">${escape(labels.title)}</title><desc id="${id}-d">${escape(labels.description)}</desc>`,
  );
  for (const tick of yTicks) {
    parts.push(
      `<line class="grid" x1="${pad.left}" x2="${WIDTH - pad.right}" y1="${y(tick)}" y2="${y(tick)}"/>`,
      `<text class="tick" x="${pad.left - 8}" y="${y(tick) + 4}" text-anchor="end">${escape(labels.formatMoney(tick))}</text>`,
    );
  }
  for (const tick of ticks(xMax)) {
    const anchor = tick === xMax ? 'end' : tick === 0 ? 'start' : 'middle';
    parts.push(
      `<text class="tick" x="${x(tick)}" y="${HEIGHT - pad.bottom + 20}" text-anchor="${anchor}">${escape(labels.formatRequests(tick))}</text>`,
    );
  }
  parts.push(
    `<text class="axis" x="${pad.left + plotW / 2}" y="${HEIGHT - 10}" text-anchor="middle">${escape(labels.xAxis)}</text>`,
    `<text class="axis" x="14" y="${pad.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 14 ${pad.top + plotH / 2})">${escape(labels.yAxis)}</text>`,
  );
  input.series.forEach((s, i) => {
    parts.push(`<path class="series ${escape(s.key)}" d="${line(samples.map((n, j) => [n, values[i]![j]!]))}"/>`);
  });
  // The scenario's own traffic, as a faint vertical line.
  if (input.requestsPerMonth > 0 && input.requestsPerMonth <= xMax) {
    const sx = x(input.requestsPerMonth);
    parts.push(`<line class="now" x1="${sx}" x2="${sx}" y1="${pad.top}" y2="${pad.top + plotH}"/>`);
  }
  input.markers.forEach((m, i) => {
    if (!(m.requestsPerMonth > 0 && m.requestsPerMonth <= xMax)) return;
    const bx = x(m.requestsPerMonth);
    const by = y(m.cost);
    // Alternate labels above and below the point so that nearby crossings stay readable.
    const ly = i % 2 === 0 ? Math.max(by - 12, pad.top + 12) : Math.min(by + 22, pad.top + plotH - 4);
    const anchor = bx > WIDTH - 80 ? 'end' : bx < pad.left + 60 ? 'start' : 'middle';
    parts.push(
      `<line class="marker" x1="${bx}" x2="${bx}" y1="${by}" y2="${pad.top + plotH}"/>`,
      `<circle class="break-even" cx="${bx}" cy="${by}" r="6"/>`,
      `<text class="label" x="${bx}" y="${ly}" text-anchor="${anchor}">${escape(m.label)}</text>`,
    );
  });
  parts.push(`<g class="legend" transform="translate(${pad.left + 4} ${PAD.top - 14})">`);
  input.series.forEach((s, i) => {
    const ly = 6 + 20 * i;
    parts.push(
      `<line class="series ${escape(s.key)}" x1="0" x2="24" y1="${ly}" y2="${ly}"/><text x="30" y="${ly + 4}">${escape(s.label)}</text>`,
    );
  });
  parts.push(`</g></svg>`);
  return parts.join('');
}
