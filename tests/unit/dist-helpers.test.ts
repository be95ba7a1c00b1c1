import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileForPath, findBrokenLinks, servedPath } from '../helpers/dist';

/** The link checker guards every build, so it gets tests of its own. */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'links-'));
  made.push(dir);
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

describe('link checker', () => {
  it('maps files to URLs and back', () => {
    expect(servedPath('zh/tags/index.html')).toBe('/zh/tags/');
    expect(servedPath('404.html', '/blog/')).toBe('/blog/404.html');
    const dir = site({ 'a/index.html': '', 'rss.xml': '' });
    expect(fileForPath(dir, '/a/')).toBe('a/index.html');
    expect(fileForPath(dir, '/rss.xml')).toBe('rss.xml');
    expect(fileForPath(dir, '/b/')).toBeUndefined();
    expect(fileForPath(dir, '/a/', '/blog/')).toBeUndefined();
  });

  it('reports missing pages, missing fragments and links outside the base', () => {
    const dir = site({
      'index.html':
        '<a href="/blog/a/">ok</a><a href="/blog/a/#sec">ok</a><a href="/blog/missing/">x</a>' +
        '<a href="/blog/a/#nope">x</a><a href="/a/">x</a><a href="https://other.example/">ext</a>' +
        '<img src="/blog/pic.png" alt="">',
      'a/index.html': '<h2 id="sec">S</h2>',
    });
    const broken = findBrokenLinks(dir, 'https://example.com', '/blog/');
    expect(broken.map((b) => b.link)).toEqual(['/blog/missing/', '/blog/a/#nope', '/a/', '/blog/pic.png']);
    expect(broken[1]?.reason).toBe('no element with id "nope" in a/index.html');
  });

  it('decodes non-ASCII fragments such as Chinese heading ids', () => {
    const dir = site({ 'index.html': '<a href="#%E4%BD%A0%E5%A5%BD">x</a><h2 id="你好">你好</h2>' });
    expect(findBrokenLinks(dir, 'https://example.com')).toEqual([]);
  });
});
