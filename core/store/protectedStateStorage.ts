import { deflateRawSync, inflateRawSync } from 'node:zlib';
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

/**
 * Bot Framework state keys embed channel user and conversation ids ("sms/users/+6612345678"), and dialog state
 * can hold what a child is in the middle of writing. This wrapper hashes every key and seals every value
 * (AES-256-GCM, bound to its key) before it reaches any adapter; only the eTag stays in the clear, for the
 * adapters' compare-and-set.
 *
 * Values are deflated before sealing: dialog state repeats its own field names and the prompt texts, so an idle
 * conversation takes about half the store's memory. Items sealed before that (no `deflated` flag) still read.
 */
export class ProtectedStateStorage implements StateStorage {
  constructor(
    private readonly inner: StateStorage,
    private readonly hashKey: (key: string) => string,
    private readonly sealer: TextSealer,
  ) {}

  private readonly storedKeys = new Map<string, string>();

  private storedKey(key: string): string {
    let stored = this.storedKeys.get(key);
    if (stored === undefined) {
      if (this.storedKeys.size >= KEY_CACHE_MAX) this.storedKeys.clear();
      this.storedKeys.set(key, (stored = `state:${this.hashKey(key)}`));
    }
    return stored;
  }

  async read(keys: string[]): Promise<StateItems> {
    const stored = keys.map((k) => this.storedKey(k));
    const found = await this.inner.read(stored);
    const items: StateItems = {};
    keys.forEach((key, i) => {
      const item = found[stored[i]];
      if (!item) return;
      const sealed = sealedTextSchema.parse(item.sealed);
      const json =
        item.deflated === true
          ? inflateRawSync(this.sealer.openBytes(sealed, stored[i]), INFLATE).toString('utf8')
          : this.sealer.open(sealed, stored[i]);
      items[key] = { ...(JSON.parse(json) as StateItem), eTag: item.eTag };
    });
    return items;
  }

  async write(changes: StateItems): Promise<void> {
    const protectedItems: StateItems = {};
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = item;
      const storedKey = this.storedKey(key);
      const packed = deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8'), DEFLATE);
      protectedItems[storedKey] = { eTag, sealed: this.sealer.seal(packed, storedKey), deflated: true };
    }
    await this.inner.write(protectedItems);
  }

  async delete(keys: string[]): Promise<void> {
    await this.inner.delete(keys.map((k) => this.storedKey(k)));
  }
}
