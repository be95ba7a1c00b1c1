import type { Locale } from './locales';
import { en, type UIStrings } from './ui.en';
import { zh } from './ui.zh';
import { calcEn, type CalcStrings } from './calc.en';
import { calcZh } from './calc.zh';

export * from './locales';
export * from './paths';
export { tagLabel, tagLabels } from './tags';
export type { UIStrings, CalcStrings };

const dictionaries: Record<Locale, UIStrings> = { en, zh };

/** The UI dictionary of a locale. Usage: `const t = useTranslations(locale); t['nav.tags']`. */
export function useTranslations(locale: Locale): UIStrings {
  return dictionaries[locale];
}

const calcDictionaries: Record<Locale, CalcStrings> = { en: calcEn, zh: calcZh };

/** The cost calculator's words in a locale (kept apart so its script downloads only these). */
export function useCalcTranslations(locale: Locale): CalcStrings {
  return calcDictionaries[locale];
}
