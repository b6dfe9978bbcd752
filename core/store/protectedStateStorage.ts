import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { TextSealer } from '../privacy/textSealer';
import { sealedTextSchema } from '../cases/types';
import { StateItem, StateItems, StateStorage } from './types';

// A state is a few KB: a 2 KB window compresses it as well as the default 32 KB one, at half the CPU (zlib's
// per-call setup dominates), and inflating with the same window is cheaper too. Inflating needs a window at least
// as large as deflating used: raise `windowBits` only together with a new `deflated` marker.
const DEFLATE = { windowBits: 11, memLevel: 5, level: 1 };
const INFLATE = { windowBits: DEFLATE.windowBits };
// Hashed keys of recent conversations: a turn reads and writes the same two keys, each an HMAC otherwise.
const KEY_CACHE_MAX = 10_000;
// What this process last wrote under each key, in characters (JSON and ciphertext): about 3,000 conversations.
const RECENT_MAX_CHARS = 8_000_000;

/** A value as this process sealed it: its ciphertext, and the JSON that went in. */
interface Written {
  data: string;
  json: string;
}

/**
 * Bot Framework state keys embed channel user and conversation ids ("sms/users/+6612345678"), and dialog state
 * can hold what a child is in the middle of writing. This wrapper hashes every key and seals every value
 * (AES-256-GCM, bound to its key) before it reaches any adapter; only the eTag stays in the clear, for the
 * adapters' compare-and-set.
 *
 * Values are deflated before sealing: dialog state repeats its own field names and the prompt texts, so an idle
 * conversation takes about half the store's memory. Items sealed before that (no `deflated` flag) still read.
 *
 * A turn reads back what the previous turn of the same conversation wrote, usually from this process. The JSON
 * written is kept (bounded, in memory only) against its ciphertext: a read that finds that exact ciphertext
 * (random IV, so nothing else can carry it) skips decrypting and inflating. Anything written elsewhere, by
 * another instance or before a restart, has another ciphertext and is opened as usual.
 */
export class ProtectedStateStorage implements StateStorage {
  constructor(
    private readonly inner: StateStorage,
    private readonly hashKey: (key: string) => string,
    private readonly sealer: TextSealer,
  ) {}

  private readonly storedKeys = new LRUCache<string, string>({ max: KEY_CACHE_MAX });
  private readonly written = new LRUCache<string, Written>({
    maxSize: RECENT_MAX_CHARS,
    sizeCalculation: (w) => w.json.length + w.data.length,
  });

  private storedKey(key: string): string {
    let stored = this.storedKeys.get(key);
    if (stored === undefined) this.storedKeys.set(key, (stored = `state:${this.hashKey(key)}`));
    return stored;
  }

  async read(keys: string[]): Promise<StateItems> {
    const stored = keys.map((k) => this.storedKey(k));
    const found = await this.inner.read(stored);
    const items: StateItems = {};
    keys.forEach((key, i) => {
      const item = found[stored[i]];
      if (!item) return;
      const known = this.written.get(stored[i]);
      const json =
        known && known.data === (item.sealed as { data?: unknown } | undefined)?.data
          ? known.json
          : this.open(item, stored[i]);
      items[key] = Object.assign(JSON.parse(json) as StateItem, { eTag: item.eTag });
    });
    return items;
  }

  private open(item: StateItem, storedKey: string): string {
    const sealed = sealedTextSchema.parse(item.sealed);
    return item.deflated === true
      ? inflateRawSync(this.sealer.openBytes(sealed, storedKey), INFLATE).toString('utf8')
      : this.sealer.open(sealed, storedKey);
  }

  async write(changes: StateItems): Promise<void> {
    const protectedItems: StateItems = {};
    const written = new Map<string, Written>();
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = item;
      const storedKey = this.storedKey(key);
      const json = JSON.stringify(value);
      const sealed = this.sealer.seal(deflateRawSync(Buffer.from(json, 'utf8'), DEFLATE), storedKey);
      protectedItems[storedKey] = { eTag, sealed, deflated: true };
      written.set(storedKey, { data: sealed.data, json });
    }
    await this.inner.write(protectedItems);
    for (const [storedKey, w] of written) this.written.set(storedKey, w);
  }

  async delete(keys: string[]): Promise<void> {
    const stored = keys.map((k) => this.storedKey(k));
    for (const k of stored) this.written.delete(k);
    await this.inner.delete(stored);
  }
}
