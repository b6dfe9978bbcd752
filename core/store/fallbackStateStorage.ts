import { MemoryStateStorage } from './memory/memoryStateStorage';
import { StateItems, StateStorage, StoreUnavailable } from './types';

/**
 * Keeps conversations going while the primary store is down: reads and writes fall back to process memory, so a
 * turn still runs — screening and the concern spool included — instead of failing before a child is answered.
 * State written during the outage lives only in this process until the store is back.
 */
export class FallbackStateStorage implements StateStorage {
  private readonly fallback: MemoryStateStorage;

  constructor(
    private readonly primary: StateStorage,
    ttlMs: number,
    private readonly onFallback: (err: unknown) => void,
  ) {
    this.fallback = new MemoryStateStorage(ttlMs);
  }

  async read(keys: string[]): Promise<StateItems> {
    try {
      return await this.primary.read(keys);
    } catch (err) {
      if (!(err instanceof StoreUnavailable)) throw err;
      this.onFallback(err);
      return this.fallback.read(keys);
    }
  }

  async write(changes: StateItems): Promise<void> {
    try {
      await this.primary.write(changes);
    } catch (err) {
      if (!(err instanceof StoreUnavailable)) throw err;
      this.onFallback(err);
      // eTags from the primary mean nothing to the fallback: write as last-writer-wins.
      const overwrite: StateItems = {};
      for (const [key, item] of Object.entries(changes)) overwrite[key] = { ...item, eTag: '*' };
      await this.fallback.write(overwrite);
    }
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.allSettled([this.primary.delete(keys), this.fallback.delete(keys)]);
  }
}
