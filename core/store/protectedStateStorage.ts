import { TextSealer } from '../privacy/textSealer';
import { sealedTextSchema } from '../cases/types';
import { StateItem, StateItems, StateStorage } from './types';

/**
 * Bot Framework state keys embed channel user and conversation ids ("sms/users/+6612345678"), and dialog state
 * can hold what a child is in the middle of writing. This wrapper hashes every key and seals every value
 * (AES-256-GCM, bound to its key) before it reaches any adapter; only the eTag stays in the clear, for the
 * adapters' compare-and-set.
 */
export class ProtectedStateStorage implements StateStorage {
  constructor(
    private readonly inner: StateStorage,
    private readonly hashKey: (key: string) => string,
    private readonly sealer: TextSealer,
  ) {}

  private storedKey(key: string): string {
    return `state:${this.hashKey(key)}`;
  }

  async read(keys: string[]): Promise<StateItems> {
    const stored = keys.map((k) => this.storedKey(k));
    const found = await this.inner.read(stored);
    const items: StateItems = {};
    keys.forEach((key, i) => {
      const item = found[stored[i]];
      if (!item) return;
      const sealed = sealedTextSchema.parse(item.sealed);
      items[key] = { ...(JSON.parse(this.sealer.open(sealed, stored[i])) as StateItem), eTag: item.eTag };
    });
    return items;
  }

  async write(changes: StateItems): Promise<void> {
    const protectedItems: StateItems = {};
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...value } = item;
      const storedKey = this.storedKey(key);
      protectedItems[storedKey] = { eTag, sealed: this.sealer.seal(JSON.stringify(value), storedKey) };
    }
    await this.inner.write(protectedItems);
  }

  async delete(keys: string[]): Promise<void> {
    await this.inner.delete(keys.map((k) => this.storedKey(k)));
  }
}
