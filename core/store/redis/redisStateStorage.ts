import { randomUUID } from 'node:crypto';
import { ETagConflict, StateItems, StateStorage, StoreUnavailable } from '../types';
import { RedisClient } from './redisConnection';

// Compare-and-set in one round trip: the eTag check and the write cannot interleave with another writer.
const WRITE_IF_ETAG = `
local current = redis.call('GET', KEYS[1])
if current and ARGV[1] ~= '' and ARGV[1] ~= '*' then
  local ok, decoded = pcall(cjson.decode, current)
  if not ok or decoded['eTag'] ~= ARGV[1] then return 0 end
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
`;
// The new item is encoded here, not in Lua: cjson would turn empty arrays into objects.

/** Bot state in Redis: one JSON string per key under a prefix, a TTL on every write, eTags checked in Lua. */
export class RedisStateStorage implements StateStorage {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {}

  async read(keys: string[]): Promise<StateItems> {
    if (keys.length === 0) return {};
    const values = await this.guard(() => Promise.all(keys.map((k) => this.redis.get(this.prefix + k))));
    const items: StateItems = {};
    keys.forEach((key, i) => {
      const raw = values[i];
      if (raw !== null) items[key] = JSON.parse(raw);
    });
    return items;
  }

  async write(changes: StateItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const stored = JSON.stringify({ ...item, eTag: randomUUID() });
      const written = await this.guard(() =>
        this.redis.eval(WRITE_IF_ETAG, 1, this.prefix + key, item.eTag ?? '', stored, String(this.ttlMs)),
      );
      if (written !== 1) throw new ETagConflict(key);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.guard(() => this.redis.del(...keys.map((k) => this.prefix + k)));
  }

  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      throw new StoreUnavailable('Redis state storage is unavailable', { cause: err });
    }
  }
}
