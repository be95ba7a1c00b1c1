import { htmlLang, type Locale } from './i18n/locales';

/**
 * Dates are shown in UTC so a post published at 23:30 in Berlin does not show a different day
 * depending on the build machine's time zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(htmlLang[locale], { timeZone: 'UTC', ...options });
    formatters.set(key, f);
  }
  return f;
}

/** Long human date in the page's language: "27 January 2023" style for English, "2023年1月27日" for Chinese. */
export function formatDate(date: Date, locale: Locale): string {
  return formatter(locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}

/** Short date for dense lists: "Jan 27" / "1月27日". */
export function formatShortDate(date: Date, locale: Locale): string {
  return formatter(locale, { month: 'short', day: 'numeric' }).format(date);
}

/** Machine-readable date for `<time datetime>` and JSON-LD. */
export function isoDate(date: Date): string {
  return date.toISOString();
}

/** The UTC calendar year of a date, used to group the archive. */
export function yearOf(date: Date): number {
  return date.getUTCFullYear();
}
