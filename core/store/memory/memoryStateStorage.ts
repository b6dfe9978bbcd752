import { ETagConflict, StateItems, StateStorage } from '../types';

interface Entry {
  json: string;
  expiresAt: number;
}

/** In-memory state storage with the same eTag and TTL behaviour as the Redis adapter. */
export class MemoryStateStorage implements StateStorage {
  private readonly entries = new Map<string, Entry>();
  private nextETag = 1;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async read(keys: string[]): Promise<StateItems> {
    const items: StateItems = {};
    for (const key of keys) {
      const entry = this.live(key);
      if (entry) items[key] = JSON.parse(entry.json);
    }
    return items;
  }

  async write(changes: StateItems): Promise<void> {
    // Check every eTag before writing anything, so a conflict changes nothing.
    for (const [key, item] of Object.entries(changes)) {
      const current = this.live(key);
      if (current && item.eTag && item.eTag !== '*' && JSON.parse(current.json).eTag !== item.eTag) {
        throw new ETagConflict(key);
      }
    }
    for (const [key, item] of Object.entries(changes)) {
      const stored = { ...item, eTag: String(this.nextETag++) };
      this.entries.set(key, { json: JSON.stringify(stored), expiresAt: this.now() + this.ttlMs });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
