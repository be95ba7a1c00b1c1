import { calloutsPlugin, localeOfFile } from '../lib/callouts';
import { defaultLocale, locales, useTranslations } from '../lib/i18n';

/** GitHub alerts in Markdown articles become callouts titled in the article's language. */
export function articleCallouts() {
  return calloutsPlugin((type, fileURL) => {
    const locale = localeOfFile(fileURL, locales, defaultLocale) as (typeof locales)[number];
    return useTranslations(locale)[`callout.${type}`];
  });
}
