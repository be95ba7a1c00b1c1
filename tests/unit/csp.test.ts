import { describe, expect, it } from 'vitest';
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
