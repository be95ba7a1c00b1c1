import { existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copySite, removeSite } from '../helpers/site-copy';

describe('copySite', () => {
  const dir = copySite('copy-test-');
  afterAll(() => removeSite(dir));

  it('copies content and sources, not build output or git', () => {
    expect(existsSync(join(dir, 'content/posts/en'))).toBe(true);
    expect(existsSync(join(dir, 'src/content.config.ts'))).toBe(true);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
    expect(existsSync(join(dir, '.git'))).toBe(false);
  });

  it('links packages one by one, keeping Astro’s cache separate', () => {
    expect(lstatSync(join(dir, 'node_modules')).isSymbolicLink()).toBe(false);
    expect(lstatSync(join(dir, 'node_modules/astro')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir, 'node_modules/.astro'))).toBe(false);
  });

  it('never writes back into the project', () => {
    const file = join(dir, 'content/posts/en/zz-copy-only.md');
    writeFileSync(file, 'x');
    expect(existsSync(join(process.cwd(), 'content/posts/en/zz-copy-only.md'))).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});
