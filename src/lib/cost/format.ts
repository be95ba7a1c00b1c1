import { htmlLang, type Locale } from '../i18n/locales';

/** US dollars with cents, in the reader's language ("$1,234.56" / "US$1,234.56"). */
export function formatUsd(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(htmlLang[locale], {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount);
}

/** Large counts compactly, to three significant digits: "4.83M" in English, "483万" in Chinese. */
export function formatCount(count: number, locale: Locale): string {
  return new Intl.NumberFormat(htmlLang[locale], {
    notation: 'compact',
    maximumSignificantDigits: 3,
  }).format(count);
}

/** A plain number with grouping ("131,400,000"). */
export function formatNumber(value: number, locale: Locale, fractionDigits = 0): string {
  return new Intl.NumberFormat(htmlLang[locale], { maximumFractionDigits: fractionDigits }).format(value);
}

/** A rate such as requests per second: two decimals, or three significant digits below 1. */
export function formatRate(value: number, locale: Locale): string {
  const options: Intl.NumberFormatOptions = value < 1 ? { maximumSignificantDigits: 3 } : { maximumFractionDigits: 2 };
  return new Intl.NumberFormat(htmlLang[locale], options).format(value);
}

/**
 * A unit price in US dollars with every digit the source gives and at least cents: "$0.20",
 * "$0.0000166667" (never "$0.2"). Chinese pages write the same "$" figures as the AWS pages do.
 */
export function formatUnitPrice(amount: number, locale: Locale): string {
  // toFixed, not String: String(0.0000000309) is "3.09e-8".
  const decimals = (/\.(\d*?)0*$/.exec(Math.abs(amount).toFixed(12))?.[1] ?? '').length;
  const digits = Math.max(2, decimals);
  return `$${new Intl.NumberFormat(htmlLang[locale], {
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
    useGrouping: true,
  }).format(amount)}`;
}
