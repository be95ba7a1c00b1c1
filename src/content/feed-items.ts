import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { cacheKeyOf } from '../lib/cache-key';

/**
 * Feed items kept between builds. Serializing an article into its RSS `<item>` (rendering it with
 * Astro's container, cleaning and escaping its HTML) is most of a language feed's cost, and a feed
 * that shows one edited article is otherwise rebuilt item by item. Each language's items are kept in
 * one file in Astro's cache directory, keyed by the article's id, digest and URL together with a
 * fingerprint of the whole site source (src/integrations/feed-item-cache.ts), so an item is reused
 * only when nothing it could depend on has changed.
 */

/** The environment variable through which the integration hands its settings to the feed routes. */
export const FEED_ITEM_CACHE_ENV = 'BLOG_FEED_ITEM_CACHE';

export interface FeedItemCacheSettings {
  /** Folder of the kept items, one JSON file per language. */
  dir: string;
  /** Digest of the site's source; part of every key. */
  fingerprint: string;
  /** False for `--force`: keep the items of this build, reuse none from the last. */
  reuse: boolean;
}

interface KeptFile {
  fingerprint: string;
  items: Record<string, string>;
}

export class FeedItemStore {
  readonly #settings: FeedItemCacheSettings;
  readonly #kept = new Map<string, Map<string, string>>();

  constructor(settings: FeedItemCacheSettings) {
    this.#settings = settings;
  }

  /** The store the build set up, or none (tests, the dev server). */
  static fromEnv(env: Record<string, string | undefined> = process.env): FeedItemStore | undefined {
    const raw = env[FEED_ITEM_CACHE_ENV];
    return raw ? new FeedItemStore(JSON.parse(raw) as FeedItemCacheSettings) : undefined;
  }

  /** The key of an item: its article's id, digest and URL, and the source fingerprint. */
  keyOf(id: string, digest: string | number | undefined, link: string): string | undefined {
    return digest === undefined || digest === ''
      ? undefined
      : cacheKeyOf([this.#settings.fingerprint, id, String(digest), link]);
  }

  #file(group: string): string {
    return join(this.#settings.dir, `${group}.json`);
  }

  #load(group: string): Map<string, string> {
    let kept = this.#kept.get(group);
    if (!kept) {
      kept = new Map();
      if (this.#settings.reuse) {
        try {
          const file = JSON.parse(readFileSync(this.#file(group), 'utf8')) as KeptFile;
          if (file.fingerprint === this.#settings.fingerprint) kept = new Map(Object.entries(file.items));
        } catch {
          // No items kept yet, or an unreadable file: everything is serialized afresh.
        }
      }
      this.#kept.set(group, kept);
    }
    return kept;
  }

  /** The item kept from the last build under this key, if any. */
  get(group: string, key: string | undefined): string | undefined {
    return key === undefined ? undefined : this.#load(group).get(key);
  }

  /**
   * Keeps exactly these items for the group (a language: its feed lists all its articles), replacing
   * what was kept, and frees the items loaded from the last build. The file is replaced whole, by a
   * rename, so an interrupted build leaves the previous one.
   */
  save(group: string, items: readonly (readonly [string | undefined, string])[]): void {
    mkdirSync(this.#settings.dir, { recursive: true });
    const temporary = `${this.#file(group)}.${process.pid}.tmp`;
    // Written item by item: at 10,000 articles a language's items are over 100 MB of JSON.
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, `{"fingerprint":${JSON.stringify(this.#settings.fingerprint)},"items":{`);
      let first = true;
      for (const [key, xml] of items) {
        if (key === undefined) continue;
        writeSync(fd, `${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(xml)}`);
        first = false;
      }
      writeSync(fd, '}}');
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.#file(group));
    this.#kept.delete(group);
  }
}
