import { MemoryStateStorage } from '../../core/store/memory/memoryStateStorage';
import { RedisStateStorage } from '../../core/store/redis/redisStateStorage';
import { isolatedRedis } from '../support/testRedis';
import { stateStorageContract } from './stateStorageContract';

stateStorageContract('memory', async () => {
  let now = 1_000_000;
  return {
    storage: new MemoryStateStorage(60_000, () => now),
    expire: async () => {
      now += 60_001;
    },
    close: async () => undefined,
  };
});

stateStorageContract('redis', async () => {
  const { redis, prefix } = isolatedRedis();
  return {
    storage: new RedisStateStorage(redis, prefix, 150),
    expire: () => new Promise((r) => setTimeout(r, 250)),
    close: async () => {
      await redis.quit();
    },
  };
});

describe('RedisStateStorage', () => {
  it('keeps every key under its prefix and gives each a TTL', async () => {
    const { redis, prefix } = isolatedRedis();
    try {
      await new RedisStateStorage(redis, prefix, 60_000).write({ 'emulator/conversations/c1': { v: 1 } });
      const keys = await redis.keys(`${prefix}*`);
      expect(keys).toEqual([`${prefix}emulator/conversations/c1`]);
      const ttl = await redis.pttl(keys[0]);
      expect(ttl).toBeGreaterThan(50_000);
    } finally {
      await redis.quit();
    }
  });
});
