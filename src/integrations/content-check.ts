import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MDX_COMPONENT_NAMES } from '../components/mdx/names';
import { checkArticles, formatProblem } from '../lib/content-check';

function articles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? articles(full) : /\.mdx?$/.test(name) ? [full] : [];
  });
}

/**
 * Checks every article before Astro loads the content (see src/lib/content-check.ts). A build
 * stops with the list of problems; the dev server only warns, so writing can go on.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const root = fileURLToPath(config.root);
        const files = articles(join(root, 'content/posts')).map((file) => ({
          path: relative(root, file).split('\\').join('/'),
          text: readFileSync(file, 'utf8'),
        }));
        const problems = checkArticles(files, {
          exists: (path) => existsSync(join(root, path)),
          components: MDX_COMPONENT_NAMES,
        });
        if (problems.length === 0) return;
        const report = `${problems.length} problem(s) in content/posts:\n  ${problems.map(formatProblem).join('\n  ')}`;
        if (command === 'build') throw new Error(report);
        logger.warn(report);
      },
    },
  };
}
