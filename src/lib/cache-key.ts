import { createHash } from 'node:crypto';

/**
 * Keys for Astro's incremental build: a page whose key and code are unchanged since the last build
 * is copied from the cache instead of rendered again. A key must change whenever anything the page
 * shows changes, so it is computed from that data itself rather than from a timestamp.
 */

/** A short stable key for plain data (objects, arrays, strings, numbers, dates): equal data, equal key. */
export function cacheKeyOf(data: unknown): string {
  return createHash('sha256')
    .update(
      JSON.stringify(data, (_, value: unknown) => {
        if (value instanceof Map || value instanceof Set) {
          throw new TypeError('cacheKeyOf() takes plain data; a Map or Set would hash as {}');
        }
        return value;
      }),
    )
    .digest('base64url')
    .slice(0, 22);
}
