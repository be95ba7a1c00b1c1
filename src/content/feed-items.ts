import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { cacheKeyOf } from '../lib/cache-key';
import { writeFileAtomic } from '../integrations/build-cache';

/**
 * Feed items, serialized once per build and kept between builds.
 *
 * Serializing an article into its RSS `<item>` (rendering it with Astro's container, cleaning and
 * escaping its HTML) is most of a language feed's cost, and one item is shared by the language feed
 * and every tag feed it is in. At 10,000 articles a language's items are over 150 MB, so in a build
 * they are not held in memory: each item's UTF-8 bytes are appended to a file of the language's
 * items as it is made, and feeds read them back when they are written out.
 *
 * That file is also what the next build reuses. Each language has an index, `<group>.json`, naming
 * its items file and where each item is in it, by a key made of the article's id, digest and URL and
 * a fingerprint of the whole site source (src/integrations/build-cache.ts). An item is reused
 * only when nothing it could depend on has changed. The index is replaced by a rename, so an
 * interrupted build leaves the previous one, and it always names a file that is complete.
 *
 * Without settings (the dev server, tests) items live in memory and nothing is kept.
 */

export interface FeedItemCacheSettings {
  /** Folder of the kept items: an index and an items file per language. */
  dir: string;
  /** Digest of the site's source; part of every key. */
  fingerprint: string;
  /** False for `--force`: keep the items of this build, reuse none from the last. */
  reuse: boolean;
}

/** An item of this build: its key among kept items, and where its bytes are. */
export interface ShelvedItem {
  readonly group: string;
  readonly key: string | undefined;
  readonly offset: number;
  readonly length: number;
}

interface KeptIndex {
  fingerprint: string;
  /** The items file, in the same folder. */
  file: string;
  /** Key → [offset, length] in the items file. */
  items: Record<string, [number, number]>;
}

/** This build's items of one group, appended to a file or, without settings, kept in memory. */
interface Shelf {
  file: string | undefined;
  fd: number | undefined;
  size: number;
  /** In memory: each item's bytes by offset. */
  chunks: Map<number, Uint8Array>;
}

/** Reads stop gathering neighbouring items at this size. */
const RUN_BYTES = 1 << 20;

export class FeedItemStore {
  readonly #settings: FeedItemCacheSettings | undefined;
  readonly #shelves = new Map<string, Shelf>();
  readonly #previous = new Map<string, { index: KeptIndex; fd: number } | null>();
  readonly #id = randomUUID().slice(0, 8);

  constructor(settings?: FeedItemCacheSettings) {
    this.#settings = settings;
  }

  /** Whether items are kept between builds. */
  get keeps(): boolean {
    return this.#settings !== undefined;
  }

  /** The key of an item: its article's id, digest and URL, and the source fingerprint. */
  keyOf(id: string, digest: string | number | undefined, link: string): string | undefined {
    return this.#settings === undefined || digest === undefined || digest === ''
      ? undefined
      : cacheKeyOf([this.#settings.fingerprint, id, String(digest), link]);
  }

  /** The bytes of the item kept from the last build under this key, if any. */
  previous(group: string, key: string | undefined): Buffer | undefined {
    if (key === undefined) return undefined;
    const kept = this.#loadPrevious(group);
    const at = kept?.index.items[key];
    if (!kept || !at) return undefined;
    try {
      return readAt(kept.fd, at[0], at[1]);
    } catch {
      // A truncated items file: the item is made afresh.
      return undefined;
    }
  }

  /** Shelves an item of this build. */
  put(group: string, key: string | undefined, bytes: Uint8Array): ShelvedItem {
    const shelf = this.#shelf(group);
    const item = { group, key, offset: shelf.size, length: bytes.byteLength };
    if (shelf.fd === undefined) shelf.chunks.set(shelf.size, bytes);
    else writeAt(shelf.fd, bytes, shelf.size);
    shelf.size += bytes.byteLength;
    return item;
  }

  /** The bytes of one shelved item. */
  read(item: ShelvedItem): Uint8Array {
    const shelf = this.#shelf(item.group);
    const bytes = shelf.fd === undefined ? shelf.chunks.get(item.offset) : readAt(shelf.fd, item.offset, item.length);
    if (!bytes) throw new Error(`no feed item at ${item.group}:${item.offset}`);
    return bytes;
  }

  /**
   * The bytes of these items, in order, read in runs: items that follow each other in their file
   * (as a language feed's do, shelved in feed order) come back together, up to about 1 MiB.
   */
  *readAll(items: readonly ShelvedItem[]): Generator<Uint8Array> {
    for (let i = 0; i < items.length;) {
      const first = items[i]!;
      const shelf = this.#shelf(first.group);
      let end = first.offset + first.length;
      let j = i + 1;
      if (shelf.fd !== undefined) {
        for (; j < items.length; j++) {
          const next = items[j]!;
          if (next.group !== first.group || next.offset !== end || end - first.offset >= RUN_BYTES) break;
          end += next.length;
        }
      }
      yield j === i + 1 ? this.read(first) : readAt(shelf.fd!, first.offset, end - first.offset);
      i = j;
    }
  }

  /**
   * Keeps exactly these items of the group for the next build (a language: its feed lists all its
   * articles), replacing what was kept. Items without a key are not kept.
   */
  save(group: string, items: readonly ShelvedItem[]): void {
    if (!this.#settings) return;
    const shelf = this.#shelf(group);
    const index: KeptIndex = { fingerprint: this.#settings.fingerprint, file: basename(shelf.file!), items: {} };
    for (const item of items) {
      if (item.key !== undefined && item.group === group) index.items[item.key] = [item.offset, item.length];
    }
    writeFileAtomic(join(this.#settings.dir, `${group}.json`), JSON.stringify(index));
    this.#removeItemFiles(group, index.file);
  }

  /** The items file the group's index names, if it can be read. */
  #indexedFile(group: string): string | undefined {
    try {
      const index = JSON.parse(readFileSync(join(this.#settings!.dir, `${group}.json`), 'utf8')) as KeptIndex;
      return index.file;
    } catch {
      return undefined;
    }
  }

  /**
   * Removes the group's items files other than `keep`: the last build's once this one's index is
   * saved, or those of builds that stopped before saving theirs (and their half-written indexes). A
   * file still open for reading stays readable until it is closed.
   */
  #removeItemFiles(group: string, keep: string | undefined): void {
    for (const name of readdirSync(this.#settings!.dir)) {
      const leftover = name.startsWith(`${group}.json.`) && name.endsWith('.tmp');
      if (leftover || (name.startsWith(`${group}.`) && name.endsWith('.items') && name !== keep)) {
        rmSync(join(this.#settings!.dir, name), { force: true });
      }
    }
  }

  /** Closes the files this store has open. */
  close(): void {
    for (const shelf of this.#shelves.values()) if (shelf.fd !== undefined) closeSync(shelf.fd);
    for (const kept of this.#previous.values()) if (kept) closeSync(kept.fd);
    this.#shelves.clear();
    this.#previous.clear();
  }

  #shelf(group: string): Shelf {
    let shelf = this.#shelves.get(group);
    if (!shelf) {
      if (this.#settings) {
        mkdirSync(this.#settings.dir, { recursive: true });
        this.#removeItemFiles(group, this.#indexedFile(group));
        const file = join(this.#settings.dir, `${group}.${this.#id}.items`);
        shelf = { file, fd: openSync(file, 'w+'), size: 0, chunks: new Map() };
      } else {
        shelf = { file: undefined, fd: undefined, size: 0, chunks: new Map() };
      }
      this.#shelves.set(group, shelf);
    }
    return shelf;
  }

  #loadPrevious(group: string): { index: KeptIndex; fd: number } | undefined {
    if (!this.#previous.has(group)) {
      let kept: { index: KeptIndex; fd: number } | null = null;
      if (this.#settings?.reuse) {
        try {
          const index = JSON.parse(readFileSync(join(this.#settings.dir, `${group}.json`), 'utf8')) as KeptIndex;
          if (index.fingerprint === this.#settings.fingerprint && basename(index.file) === index.file) {
            kept = { index, fd: openSync(join(this.#settings.dir, index.file), 'r') };
          }
        } catch {
          // Nothing kept yet, or an unreadable index or items file: every item is made afresh.
        }
      }
      this.#previous.set(group, kept);
    }
    return this.#previous.get(group) ?? undefined;
  }
}

/** Writes all of `bytes` at `offset` (a write may take fewer bytes than it is given). */
function writeAt(fd: number, bytes: Uint8Array, offset: number): void {
  for (let done = 0; done < bytes.byteLength;) {
    done += writeSync(fd, bytes, done, bytes.byteLength - done, offset + done);
  }
}

/** Exactly `length` bytes from `offset`, or an error if the file is shorter. */
function readAt(fd: number, offset: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, offset + done);
    if (n === 0) throw new Error(`feed items file ends before byte ${offset + length}`);
    done += n;
  }
  return buffer;
}
