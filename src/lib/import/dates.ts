/**
 * Dates as other generators write them ("2023-01-27 14:00:00 +1:00", TOML date-times, Jekyll file
 * names) turned into the ISO forms the schema and every JavaScript engine read the same way.
 */

/** A normalised date, or the reason it could not be read; `warnings` say what was repaired. */
export type DateResult = { ok: true; iso: string; warnings: string[] } | { ok: false; reason: string };

const PATTERN =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|UTC|[+-]\d{1,2}(?::?\d{2})?)?$/i;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads a date or date-time (a string, or a Date such as smol-toml's TomlDate, whose toISOString
 * keeps the written offset) and returns `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS±HH:MM`.
 */
export function normalizeDate(value: unknown): DateResult {
  let text: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, reason: 'it is not a valid date' };
    text = value.toISOString();
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return { ok: false, reason: 'it is not a date' };
  }
  const match = PATTERN.exec(text);
  if (!match) return { ok: false, reason: `"${text}" is not a date such as 2026-11-22 or 2026-11-22T10:00:00+01:00` };
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return { ok: false, reason: `"${text}" is not a day of the calendar` };
  }
  const warnings: string[] = [];
  const date = `${y}-${pad(month)}-${pad(day)}`;
  if (h === undefined || mi === undefined) return { ok: true, iso: date, warnings };
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  if (hours > 23 || minutes > 59 || seconds > 59) return { ok: false, reason: `"${text}" is not a time of day` };
  const frac = fraction && Number(fraction) !== 0 ? fraction : '';
  const time = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${frac}`;
  const offset = normalizeOffset(zone);
  if (offset === undefined) return { ok: false, reason: `"${zone}" in "${text}" is not a time zone offset` };
  if (offset === '') {
    warnings.push(`"${text}" has no time zone; read as UTC (add an offset such as +01:00 if that is wrong)`);
    return { ok: true, iso: `${date}T${time}Z`, warnings };
  }
  if (zone && !/^(Z|[+-]\d{2}:\d{2})$/i.test(zone) && !/^[+-]\d{4}$/.test(zone)) {
    warnings.push(`"${zone}" is not a valid time zone offset; read as ${offset}`);
  }
  return { ok: true, iso: `${date}T${time}${offset}`, warnings };
}

/** "+1:00" → "+01:00", "+0100" → "+01:00", "UTC" → "Z"; '' when absent, undefined when impossible. */
function normalizeOffset(zone: string | undefined): string | undefined {
  if (zone === undefined) return '';
  if (/^(z|utc)$/i.test(zone)) return 'Z';
  const match = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const [, sign, hh, mm] = match;
  const hours = Number(hh);
  const minutes = Number(mm ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return `${sign}${pad(hours)}:${pad(minutes)}`;
}

/** The date at the start of a Jekyll post's file name ("2023-01-27-title.md"), and the name without it. */
export function splitDatePrefix(fileStem: string): { date?: string; rest: string } {
  const match = /^(\d{4}-\d{2}-\d{2})[-_ ](.+)$/.exec(fileStem);
  if (!match) return { rest: fileStem };
  const result = normalizeDate(match[1]);
  return result.ok ? { date: result.iso, rest: match[2]! } : { rest: fileStem };
}

/** Compares two normalised dates by instant; a date without a time is midnight UTC, as the schema reads it. */
export function compareDates(a: string, b: string): number {
  return new Date(a).getTime() - new Date(b).getTime();
}
