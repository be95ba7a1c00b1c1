import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MDX_COMPONENT_NAMES } from '../components/mdx/names';
import { checkArticlesCached, formatProblem, type FactsCache } from '../lib/content-check';
import { sourceFingerprint } from './files';

function articles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? articles(full) : /\.mdx?$/.test(name) ? [full] : [];
  });
}

/** The facts kept by the last check, or nothing if there are none or they cannot be read. */
function readCache(file: string): FactsCache | undefined {
  try {
    const cache = JSON.parse(readFileSync(file, 'utf8')) as Partial<FactsCache> | null;
    if (typeof cache?.fingerprint !== 'string' || typeof cache.files !== 'object' || !cache.files) return undefined;
    return cache as FactsCache;
  } catch {
    return undefined;
  }
}

/** Replaces the kept facts by a rename, so that a stopped build leaves the last whole file. */
function writeCache(file: string, cache: FactsCache): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(cache));
  renameSync(temporary, file);
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
        const cacheFile = fileURLToPath(new URL('content-check.json', config.cacheDir));
        const files = articles(join(root, 'content/posts')).map((file) => ({
          path: relative(root, file).split('\\').join('/'),
          text: readFileSync(file, 'utf8'),
        }));
        const options = { exists: (path: string) => existsSync(join(root, path)), components: MDX_COMPONENT_NAMES };
        const previous = readCache(cacheFile);
        const fingerprint = sourceFingerprint(root);
        let result: ReturnType<typeof checkArticlesCached>;
        try {
          result = checkArticlesCached(files, options, fingerprint, previous);
        } catch {
          // Kept facts of another shape (written by other code): check everything afresh.
          result = checkArticlesCached(files, options, fingerprint);
        }
        const { problems, cache, inspected } = result;
        const unchanged =
          previous?.fingerprint === fingerprint &&
          inspected === 0 &&
          Object.keys(previous.files).length === files.length;
        if (!unchanged) {
          try {
            writeCache(cacheFile, cache);
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
