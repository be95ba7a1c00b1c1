import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** Folders of the project that a copy never needs. */
const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', 'test-results', 'screenshots', 'coverage']);

/**
 * Copies the project into a temporary folder for tests and tools that must change content (broken
 * fixtures, imports, synthetic articles) without touching the real one. Packages are linked one by
 * one rather than linking node_modules itself: Astro keeps its content cache in
 * node_modules/.astro, and copies must not share it with the project or with each other.
 */
export function copySite(prefix = 'blog-copy-', root = process.cwd()): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const name of readdirSync(root)) {
    if (!SKIP.has(name)) cpSync(join(root, name), join(dir, name), { recursive: true });
  }
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

export interface BuildResult {
  ok: boolean;
  /** stdout and stderr together, with colour codes removed. */
  output: string;
}

/**
 * Runs `astro build` in a copy with a clean environment (Vitest exports SITE, BASE_URL and MODE,
 * which must not leak into the build). Never throws: tests assert on `ok` and `output`.
 */
export function buildSite(dir: string, env: Record<string, string> = {}): BuildResult {
  const result = spawnSync(process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
  return { ok: result.status === 0, output };
}

/** Deletes a copy. */
export function removeSite(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
