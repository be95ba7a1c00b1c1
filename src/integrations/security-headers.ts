import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cspFromHtml, mergeCsp, withCspHeader } from '../lib/csp';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? htmlFiles(full) : name.endsWith('.html') ? [full] : [];
  });
}

/**
 * The start of an HTML file up to the end of its <head> (or the whole file, if it has none):
 * a policy in a <meta> tag counts only there, and a page's head is a fraction of it.
 */
export function readHead(file: string, chunk = 32 * 1024): string {
  const fd = openSync(file, 'r');
  try {
    const parts: Buffer[] = [];
    for (;;) {
      const buffer = Buffer.allocUnsafe(chunk);
      const read = readSync(fd, buffer, 0, chunk, null);
      if (read === 0) break;
      parts.push(buffer.subarray(0, read));
      // </head> could straddle two chunks; the last few bytes of the one before are searched again.
      if (/<\/head>/i.test(Buffer.concat(parts.slice(-2)).toString('latin1'))) break;
    }
    return Buffer.concat(parts).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Completes dist/_headers (copied from public/_headers) with the Content-Security-Policy the pages
 * declare, so hosts that read _headers send the same policy as a header, where it also protects
 * responses that have no <meta> tag.
 */
export function securityHeaders(): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        // A policy matched out of a page is a slice of it, and would keep the whole page in memory
        // (1.1 GB at 10,000 articles): each distinct policy is kept as a copy of its own.
        const policies = new Set<string>();
        let pages = 0;
        for (const file of htmlFiles(root)) {
          // A title may hold the text "</head>" (attribute values keep it as it is): a page whose head
          // seems to lack the policy is read whole.
          const policy = cspFromHtml(readHead(file)) ?? cspFromHtml(readFileSync(file, 'utf8'));
          if (policy === undefined) continue;
          pages++;
          if (!policies.has(policy)) policies.add(Buffer.from(policy, 'utf8').toString('utf8'));
        }
        if (pages === 0) return;
        const file = join(root, '_headers');
        const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
        // frame-ancestors only works as a header, so it is added here rather than in the pages.
        writeFileSync(file, withCspHeader(current, mergeCsp([...policies, "frame-ancestors 'none'"])));
        logger.info(`wrote the Content-Security-Policy of ${pages} pages into _headers`);
      },
    },
  };
}
