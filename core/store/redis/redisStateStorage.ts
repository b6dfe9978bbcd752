import { createHash, randomUUID } from 'node:crypto';
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
const WRITE_IF_ETAG_SHA = createHash('sha1').update(WRITE_IF_ETAG).digest('hex');

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
    // Independent keys: written side by side, so a turn's conversation and user state cost one round trip.
    await Promise.all(Object.entries(changes).map(([key, item]) => this.writeOne(key, item)));
  }

  private async writeOne(key: string, item: StateItems[string]): Promise<void> {
    const stored = JSON.stringify({ ...item, eTag: randomUUID() });
    const ttl = String(this.ttlMs);
    // botbuilder's BotState always writes with eTag '*': a plain SET, with no script to run for nothing.
    if (!item.eTag || item.eTag === '*') {
      await this.guard(() => this.redis.set(this.prefix + key, stored, 'PX', ttl));
      return;
    }
    const written = await this.guard(() =>
      this.compareAndSet(this.prefix + key, item.eTag ?? '', stored, ttl),
    );
    if (written !== 1) throw new ETagConflict(key);
  }

  /** EVALSHA of the script, loading it on the first NOSCRIPT (Redis restarted or failed over). */
  private async compareAndSet(key: string, eTag: string, stored: string, ttl: string): Promise<unknown> {
    try {
      return await this.redis.evalsha(WRITE_IF_ETAG_SHA, 1, key, eTag, stored, ttl);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return this.redis.eval(WRITE_IF_ETAG, 1, key, eTag, stored, ttl);
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
