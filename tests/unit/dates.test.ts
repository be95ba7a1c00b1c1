import { describe, expect, it } from 'vitest';
import { formatDate, formatShortDate, isoDate, yearOf } from '../../src/lib/dates';

describe('dates', () => {
  const date = new Date('2023-01-27T14:00:00+01:00');

  it('formats for each language', () => {
    expect(formatDate(date, 'en')).toBe('January 27, 2023');
    expect(formatDate(date, 'zh')).toBe('2023年1月27日');
    expect(formatShortDate(date, 'en')).toBe('Jan 27');
    expect(formatShortDate(date, 'zh')).toBe('1月27日');
  });

  it('uses the UTC calendar day, whatever the offset it was written with', () => {
    // 00:30 in Shanghai is still the previous day in UTC.
    const late = new Date('2026-06-16T00:30:00+08:00');
    expect(formatDate(late, 'en')).toBe('June 15, 2026');
    expect(yearOf(new Date('2026-01-01T05:00:00+08:00'))).toBe(2025);
  });

  it('gives an ISO string for machines', () => {
    expect(isoDate(date)).toBe('2023-01-27T13:00:00.000Z');
  });
});
