import { StateItems, StateStorage } from './types';

/**
 * Bot Framework state keys embed channel user and conversation ids ("sms/users/+6612345678"). This wrapper
 * replaces each key with a keyed hash before it reaches any adapter, so no raw id is ever a storage key.
 */
export class HashedKeyStateStorage implements StateStorage {
  constructor(
    private readonly inner: StateStorage,
    private readonly hashKey: (key: string) => string,
  ) {}

  async read(keys: string[]): Promise<StateItems> {
    const hashed = keys.map((k) => `state:${this.hashKey(k)}`);
    const found = await this.inner.read(hashed);
    const items: StateItems = {};
    keys.forEach((key, i) => {
      if (found[hashed[i]]) items[key] = found[hashed[i]];
    });
    return items;
  }

  async write(changes: StateItems): Promise<void> {
    const hashed: StateItems = {};
    for (const [key, item] of Object.entries(changes)) hashed[`state:${this.hashKey(key)}`] = item;
    await this.inner.write(hashed);
  }

  async delete(keys: string[]): Promise<void> {
    await this.inner.delete(keys.map((k) => `state:${this.hashKey(k)}`));
  }
}
