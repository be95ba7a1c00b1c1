import type { Locale } from '../i18n/locales';
import { countText } from '../reading-time';

/** Share of Han characters at or above which a post is Chinese. */
export const CHINESE_SHARE = 0.3;

/** The language of a post's text and the share of Han characters among Han characters and Latin words. */
export interface DetectedLanguage {
  locale: Locale;
  share: number;
  /** True when the text mixes both scripts enough that the author should confirm the choice. */
  mixed: boolean;
}

/**
 * Detects English or Chinese from the share of Han characters. A Han character is weighed against a
 * Latin word (not a letter), so a Chinese post full of "AWS Lambda" is still Chinese.
 */
export function detectLanguage(markdown: string): DetectedLanguage {
  const { hanChars, words } = countText(markdown);
  const total = hanChars + words;
  const share = total === 0 ? 0 : hanChars / total;
  return { locale: share >= CHINESE_SHARE ? 'zh' : 'en', share, mixed: share >= 0.1 && share < 0.6 };
}
