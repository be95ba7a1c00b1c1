import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../content/feeds';
import { localeStaticPaths, type Locale } from '../../lib/i18n';

export const getStaticPaths = (() => localeStaticPaths()) satisfies GetStaticPaths;

/** Every published article of the language, newest first, in full. */
export const GET: APIRoute = ({ props }) => feedResponse((props as { locale: Locale }).locale);
