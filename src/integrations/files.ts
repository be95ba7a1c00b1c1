import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under a directory, as paths relative to it with `/`, in no particular order. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}
