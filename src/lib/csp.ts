/**
 * Content-Security-Policy helpers for deployment headers. Astro writes each page's policy into a
 * <meta> tag with the hashes that page needs; a header must serve every page, so it takes the union.
 */

/** Parses "a x y; b z" into an ordered map of directive → sources. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (!name) continue;
    const existing = directives.get(name) ?? [];
    directives.set(name, [...new Set([...existing, ...sources])]);
  }
  return directives;
}

/** One policy that allows what any of the given policies allows, directive by directive. */
export function mergeCsp(policies: string[]): string {
  const merged = new Map<string, string[]>();
  for (const policy of policies) {
    for (const [name, sources] of parseCsp(policy)) {
      merged.set(name, [...new Set([...(merged.get(name) ?? []), ...sources])]);
    }
  }
  return [...merged].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** Reads the CSP <meta> content of an HTML page, if any. */
export function cspFromHtml(html: string): string | undefined {
  const match = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
  return match?.[1]
    ?.replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * Adds `Content-Security-Policy` to the `/*` block of a Netlify/Cloudflare `_headers` file
 * (creating the block if missing), replacing any earlier value.
 */
export function withCspHeader(headersFile: string, policy: string): string {
  const lines = headersFile.split('\n').filter((line) => !/^\s+Content-Security-Policy:/i.test(line));
  const block = lines.findIndex((line) => line.trim() === '/*');
  const header = `  Content-Security-Policy: ${policy}`;
  if (block === -1) return [`/*`, header, ...lines].join('\n');
  lines.splice(block + 1, 0, header);
  return lines.join('\n');
}
