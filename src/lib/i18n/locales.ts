/**
 * The languages the site is written in. The first is the default, served at the site root. Adding
 * one: docs/architecture.md, "Adding a language".
 */
export const locales = ['en', 'zh'] as const;

export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = locales[0];

/** BCP 47 tag for `<html lang>`, `hreflang`, `Intl` and feeds. */
export const htmlLang: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };

/** Open Graph `og:locale` values. */
export const ogLocale: Record<Locale, string> = { en: 'en_US', zh: 'zh_CN' };

/** Name of each language written in that language, for the language switcher. */
export const nativeName: Record<Locale, string> = { en: 'English', zh: '简体中文' };

/** Compact language label for narrow screens. */
export const shortName: Record<Locale, string> = { en: 'EN', zh: '中文' };

/** Type guard for strings that come from file paths or URLs. */
export function isLocale(value: string | undefined): value is Locale {
  return value !== undefined && (locales as readonly string[]).includes(value);
}

/** The other locales, in declaration order (for alternates and the switcher). */
export function otherLocales(locale: Locale): Locale[] {
  return locales.filter((l) => l !== locale);
}
