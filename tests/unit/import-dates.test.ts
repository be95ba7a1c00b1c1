import { describe, expect, it } from 'vitest';
import { compareDates, normalizeDate, splitDatePrefix } from '../../src/lib/import/dates';

const iso = (value: unknown) => {
  const result = normalizeDate(value);
  return result.ok ? result.iso : undefined;
};

describe('normalizeDate', () => {
  it('keeps dates and date-times with offsets in ISO form', () => {
    expect(iso('2023-01-27')).toBe('2023-01-27');
    expect(iso('2023-01-27T14:00:00+01:00')).toBe('2023-01-27T14:00:00+01:00');
    expect(iso('2023-01-27T14:00:00Z')).toBe('2023-01-27T14:00:00Z');
    expect(iso('2023-01-27T14:00:00.250-05:00')).toBe('2023-01-27T14:00:00.250-05:00');
  });

  it('reads Jekyll date-times with a space and a compact or short offset', () => {
    expect(normalizeDate('2023-01-27 14:00:00 +0100')).toEqual({
      ok: true,
      iso: '2023-01-27T14:00:00+01:00',
      warnings: [],
    });
    expect(normalizeDate('2023-01-27 14:00:00 +1:00')).toEqual({
      ok: true,
      iso: '2023-01-27T14:00:00+01:00',
      warnings: ['"+1:00" is not a valid time zone offset; read as +01:00'],
    });
    expect(iso('2023-1-5 9:05')).toBe('2023-01-05T09:05:00Z');
  });

  it('reads a date-time without an offset as UTC, and says so', () => {
    const result = normalizeDate('2023-03-01 10:00');
    expect(result).toEqual({
      ok: true,
      iso: '2023-03-01T10:00:00Z',
      warnings: ['"2023-03-01 10:00" has no time zone; read as UTC (add an offset such as +01:00 if that is wrong)'],
    });
  });

  it('reads Date objects such as TOML dates', () => {
    expect(iso(new Date('2024-05-01T08:00:00Z'))).toBe('2024-05-01T08:00:00Z');
  });

  it('rejects impossible days, times and offsets and other text', () => {
    expect(normalizeDate('2023-02-30')).toEqual({ ok: false, reason: '"2023-02-30" is not a day of the calendar' });
    expect(normalizeDate('2023-02-01 25:00').ok).toBe(false);
    expect(normalizeDate('2023-02-01T10:00:00+15:00').ok).toBe(false);
    expect(normalizeDate('yesterday').ok).toBe(false);
    expect(normalizeDate(20230101).ok).toBe(false);
  });
});

describe('splitDatePrefix', () => {
  it('takes the date from a Jekyll file name', () => {
    expect(splitDatePrefix('2023-01-27-choosing-lambda')).toEqual({ date: '2023-01-27', rest: 'choosing-lambda' });
    expect(splitDatePrefix('choosing-lambda')).toEqual({ rest: 'choosing-lambda' });
    expect(splitDatePrefix('2023-02-30-x')).toEqual({ rest: '2023-02-30-x' });
  });
});

describe('compareDates', () => {
  it('compares instants, a plain date being midnight UTC', () => {
    expect(compareDates('2023-01-27', '2023-01-27T00:30:00+01:00')).toBeGreaterThan(0);
    expect(compareDates('2023-01-27', '2023-01-28')).toBeLessThan(0);
  });
});
