import { createHash } from 'node:crypto';

/**
 * Keys for Astro's incremental build: a page whose key and code are unchanged since the last build
 * is copied from the cache instead of rendered again. A key must change whenever anything the page
 * shows changes, so it is computed from that data itself rather than from a timestamp.
 */

/** A short stable key for plain data (objects, arrays, strings, numbers, dates): equal data, equal key. */
export function cacheKeyOf(data: unknown, replace: (value: unknown) => unknown = (value) => value): string {
  return createHash('sha256')
    .update(
      JSON.stringify(data, (_, original: unknown) => {
        const value = replace(original);
        if (value instanceof Map || value instanceof Set) {
          throw new TypeError('cacheKeyOf() takes plain data; a Map or Set would hash as {}');
        }
        return value;
      }),
    )
    .digest('base64url')
    .slice(0, 22);
}

/** Whether a value is a content entry (it has an id, a collection and a digest of its data and body). */
function isEntry(value: unknown): value is { id: string; collection: string; digest: string } {
  if (typeof value !== 'object' || value === null) return false;
  const { id, collection, digest } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof collection === 'string' && typeof digest === 'string';
}

/**
 * The cache key of a page's props: equal props, equal key. A content entry counts by its
 * collection, id and digest, which change whenever its data or body does, rather than by its whole
 * text; undefined values count as absent.
 */
export function propsKey(props: Record<string, unknown>): string {
  return cacheKeyOf(props, (value) =>
    isEntry(value) ? { collection: value.collection, id: value.id, digest: value.digest } : value,
  );
}
