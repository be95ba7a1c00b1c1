import type { Locale } from './locales';
import type { UIStrings } from './ui.en';
import type { CalcStrings } from './calc.en';
import type { DecideStrings } from './decide.en';

/*
 * The dictionaries of every locale, for scripts in the browser: each is a chunk of its own, so a
 * page downloads only its language's words, and only when a script needs them. index.ts lists the
 * same dictionaries for the build. A locale missing here fails the type check.
 */

export const loadUi: Record<Locale, () => Promise<UIStrings>> = {
  en: async () => (await import('./ui.en')).en,
  zh: async () => (await import('./ui.zh')).zh,
};

export const loadCalc: Record<Locale, () => Promise<CalcStrings>> = {
  en: async () => (await import('./calc.en')).calcEn,
  zh: async () => (await import('./calc.zh')).calcZh,
};

export const loadDecide: Record<Locale, () => Promise<DecideStrings>> = {
  en: async () => (await import('./decide.en')).decideEn,
  zh: async () => (await import('./decide.zh')).decideZh,
};
