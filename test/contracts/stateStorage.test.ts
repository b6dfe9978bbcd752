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

  it('checks an eTag with a script that survives Redis forgetting it (NOSCRIPT)', async () => {
    const { redis, prefix } = isolatedRedis();
    try {
      const storage = new RedisStateStorage(redis, prefix, 60_000);
      await storage.write({ k: { v: 1 } });
      const first = (await storage.read(['k'])).k;
      await redis.script('FLUSH');
      await storage.write({ k: { v: 2, eTag: first.eTag } });
      expect((await storage.read(['k'])).k.v).toBe(2);
      await expect(storage.write({ k: { v: 3, eTag: first.eTag } })).rejects.toThrow('eTag conflict');
    } finally {
      await redis.quit();
    }
  });
});
