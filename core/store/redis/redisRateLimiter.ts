import { RateLimiter, StoreUnavailable } from '../types';
import { RedisClient } from './redisConnection';

const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n
`;

export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  async hit(key: string, limit: number, windowMs: number): Promise<boolean> {
    try {
      const n = (await this.redis.eval(HIT, 1, `${this.prefix}rate:${key}`, String(windowMs))) as number;
      return n <= limit;
    } catch (err) {
      throw new StoreUnavailable('Redis rate limiter is unavailable', { cause: err });
    }
  }

  async exhausted(key: string, limit: number): Promise<boolean> {
    try {
      return Number((await this.redis.get(`${this.prefix}rate:${key}`)) ?? 0) >= limit;
    } catch (err) {
      throw new StoreUnavailable('Redis rate limiter is unavailable', { cause: err });
    }
  }
}
