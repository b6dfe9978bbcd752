import type { RedisClient } from '../store/redis/redisConnection';
import { StoreUnavailable } from '../store/types';
import { byName, Facility, facilitySchema, FacilityStore } from './types';

/** Facilities in one Redis hash, `${prefix}facilities`: id → JSON, parsed with the schema when read back. */
export class RedisFacilityStore implements FacilityStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  private get key() {
    return `${this.prefix}facilities`;
  }

  async upsert(facility: Facility): Promise<void> {
    const parsed = facilitySchema.parse(facility);
    await this.guard(() => this.redis.hset(this.key, parsed.id, JSON.stringify(parsed)));
  }

  async get(id: string): Promise<Facility | undefined> {
    const raw = await this.guard(() => this.redis.hget(this.key, id));
    return raw ? facilitySchema.parse(JSON.parse(raw)) : undefined;
  }

  async list(): Promise<Facility[]> {
    const all = await this.guard(() => this.redis.hvals(this.key));
    return all.map((raw) => facilitySchema.parse(JSON.parse(raw))).sort(byName);
  }

  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      throw new StoreUnavailable('Redis facility store is unavailable', { cause: err });
    }
  }
}
