import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHead } from '../../src/integrations/security-headers';
import { cspFromHtml, mergeCsp, parseCsp, withCspHeader } from '../../src/lib/csp';

describe('CSP', () => {
  it('parses directives and their sources', () => {
    expect([...parseCsp("default-src 'self'; script-src 'self' 'sha256-a';")]).toEqual([
      ['default-src', ["'self'"]],
      ['script-src', ["'self'", "'sha256-a'"]],
    ]);
  });

  it('merges policies into one that allows what each allowed, without duplicates', () => {
    expect(
      mergeCsp(["default-src 'self'; script-src 'self' 'sha256-a'", "script-src 'self' 'sha256-b'; img-src data:"]),
    ).toBe("default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; img-src data:");
  });

  it('reads the policy from a page', () => {
    expect(cspFromHtml(`<meta http-equiv="content-security-policy" content="default-src &#39;self&#39;">`)).toBe(
      "default-src 'self'",
    );
    expect(cspFromHtml('<p>none</p>')).toBeUndefined();
  });

  it('puts the policy into the /* block of a _headers file, replacing an old one', () => {
    const file = '/*\n  X-Content-Type-Options: nosniff\n  Content-Security-Policy: old\n/_astro/*\n  Cache-Control: x';
    expect(withCspHeader(file, "default-src 'self'")).toBe(
      "/*\n  Content-Security-Policy: default-src 'self'\n  X-Content-Type-Options: nosniff\n/_astro/*\n  Cache-Control: x",
    );
    expect(withCspHeader('', 'p')).toBe('/*\n  Content-Security-Policy: p\n');
  });
});

describe('readHead', () => {
  const dir = mkdtempSync(join(tmpdir(), 'head-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const policy = `<meta http-equiv="content-security-policy" content="default-src 'self'">`;
  const page = `<html lang="zh-CN"><head><title>长标题</title>${policy}</head><body>${'正文'.repeat(500)}</body></html>`;

  it('reads a page up to the end of its head, whatever the chunks, and no further than a chunk past it', () => {
    for (const chunk of [7, 64, 100_000]) {
      const head = readHead(file('a.html', page), chunk);
      expect(head.startsWith(page.slice(0, page.indexOf('</head>') + 7))).toBe(true);
      expect(Buffer.byteLength(head)).toBeLessThanOrEqual(
        Buffer.byteLength(page.slice(0, page.indexOf('</head>'))) + 7 + chunk,
      );
      expect(cspFromHtml(head)).toBe("default-src 'self'");
    }
  });

  it('reads a page with no head whole, and an empty file as nothing', () => {
    expect(readHead(file('b.html', `<p>${policy}</p>`), 8)).toBe(`<p>${policy}</p>`);
    expect(readHead(file('c.html', ''))).toBe('');
  });
});
