import type { Locale } from './locales';
import { en, type UIStrings } from './ui.en';
import { zh } from './ui.zh';

export * from './locales';
export * from './paths';
export { tagLabel, tagLabels } from './tags';
export type { UIStrings };

const dictionaries: Record<Locale, UIStrings> = { en, zh };

/** The UI dictionary of a locale. Usage: `const t = useTranslations(locale); t['nav.tags']`. */
export function useTranslations(locale: Locale): UIStrings {
  return dictionaries[locale];
}
