import { htmlLang, nativeName, type Locale } from './locales';
import { en, type UIStrings } from './ui.en';
import { zh } from './ui.zh';
import { calcEn, type CalcStrings } from './calc.en';
import { calcZh } from './calc.zh';
import { decideEn, type DecideStrings } from './decide.en';
import { decideZh } from './decide.zh';

export * from './locales';
export * from './paths';
export { tagLabel, tagLabels } from './tags';
export type { UIStrings, CalcStrings, DecideStrings };

/**
 * The dictionaries of every locale, for code that runs at build time; a locale missing here fails
 * the type check. Scripts in the browser load only their page's language, through load.ts.
 */
const dictionaries: Record<Locale, { ui: UIStrings; calc: CalcStrings; decide: DecideStrings }> = {
  en: { ui: en, calc: calcEn, decide: decideEn },
  zh: { ui: zh, calc: calcZh, decide: decideZh },
};

/** The UI dictionary of a locale. Usage: `const t = useTranslations(locale); t['nav.tags']`. */
export function useTranslations(locale: Locale): UIStrings {
  return dictionaries[locale].ui;
}

/** The cost calculator's words in a locale (kept apart so its script downloads only these). */
export function useCalcTranslations(locale: Locale): CalcStrings {
  return dictionaries[locale].calc;
}

/** The decision guide's questions and verdicts in a locale. */
export function useDecideTranslations(locale: Locale): DecideStrings {
  return dictionaries[locale].decide;
}

/** A language's name in the words of another, as `Intl` knows it: "Chinese" in English, "英语" in Chinese. */
export function languageName(language: Locale, inLocale: Locale): string {
  const names = new Intl.DisplayNames([htmlLang[inLocale]], { type: 'language', fallback: 'none' });
  return names.of(new Intl.Locale(htmlLang[language]).language) ?? nativeName[language];
}
