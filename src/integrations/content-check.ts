import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parse } from 'yaml';
import { MDX_COMPONENT_NAMES } from '../components/mdx/names';
import { checkArticlesCached, formatProblem, type FactsCache } from '../lib/content-check';
import { buildDate, staleFacts } from '../lib/facts-freshness';
import { locales, useTranslations } from '../lib/i18n';
import { buildCache, filesUnder } from './build-cache';

const CACHE_FILE = 'content-check.json';

/** Whether a value read back from the cache has the shape of kept facts. */
const isFactsCache = (value: unknown): value is FactsCache =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<FactsCache>).fingerprint === 'string' &&
  typeof (value as Partial<FactsCache>).files === 'object' &&
  (value as Partial<FactsCache>).files !== null;

/** "content/data/x.yaml: prices[1] was read 2025-09-20, 14 months before this build" for each old figure. */
function staleFactWarnings(root: string, now: Date): string[] {
  const dir = join(root, 'content/data');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && name !== 'terms.yaml')
    .sort()
    .flatMap((name) => {
      let data: unknown;
      try {
        data = parse(readFileSync(join(dir, name), 'utf8'));
      } catch {
        return []; // The facts collection's schema reports a file that does not parse.
      }
      return staleFacts(data, now).map(
        (f) =>
          `content/data/${name}: ${f.path} was read ${f.asOf.toISOString().slice(0, 10)}, ${f.ageMonths} months before this build. Check the source again and update the figure and its asOf.`,
      );
    });
}

/**
 * Checks every article before Astro loads the content (see src/lib/content-check.ts). A build
 * stops with the list of problems; the dev server only warns, so writing can go on. What each
 * article says is kept in Astro's cache directory (`content-check.json`), so that the next check
 * reads again only the articles whose text, or the site's source, changed.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const root = fileURLToPath(config.root);
        const cache = buildCache(config);
        const files = filesUnder(join(root, 'content/posts'))
          .filter((file) => /\.mdx?$/.test(file))
          .sort()
          .map((file) => ({
            path: `content/posts/${file}`,
            text: readFileSync(join(root, 'content/posts', file), 'utf8'),
          }));
        const options = {
          exists: (path: string) => existsSync(join(root, path)),
          components: MDX_COMPONENT_NAMES,
          coverage: {
            locales,
            sourcesHeadings: Object.fromEntries(locales.map((l) => [l, useTranslations(l)['article.sourcesHeading']])),
          },
        };
        const previous = cache.readJson(CACHE_FILE, isFactsCache);
        const { fingerprint } = cache;
        let result: ReturnType<typeof checkArticlesCached>;
        try {
          result = checkArticlesCached(files, options, fingerprint, previous);
        } catch {
          // Kept facts of another shape (written by other code): check everything afresh.
          result = checkArticlesCached(files, options, fingerprint);
        }
        const { problems, warnings, inspected } = result;
        if (warnings.length > 0) {
          logger.warn(
            `${warnings.length} article(s) a reader of another language would miss, or without sources:\n  ${warnings.map(formatProblem).join('\n  ')}`,
          );
        }
        const stale = staleFactWarnings(root, buildDate(process.env));
        if (stale.length > 0) {
          logger.warn(`${stale.length} figure(s) in content/data older than 12 months:\n  ${stale.join('\n  ')}`);
        }
        const unchanged =
          previous?.fingerprint === fingerprint &&
          inspected === 0 &&
          Object.keys(previous.files).length === files.length;
        if (!unchanged) {
          try {
            cache.writeJson(CACHE_FILE, result.cache);
          } catch (error) {
            logger.warn(`could not keep the checked articles' facts: ${String(error)}`);
          }
        }
        if (problems.length === 0) return;
        const report = `${problems.length} problem(s) in content/posts:\n  ${problems.map(formatProblem).join('\n  ')}`;
        if (command === 'build') throw new Error(report);
        logger.warn(report);
      },
    },
  };
}
