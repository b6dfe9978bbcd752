import { MemoryDeviceStore } from '../../core/devices/memory/memoryDeviceStore';
import { RedisDeviceStore } from '../../core/devices/redis/redisDeviceStore';
import { isolatedRedis } from '../support/testRedis';
import { deviceStoreContract } from './devicesContract';

deviceStoreContract('memory', async () => {
  const store = new MemoryDeviceStore();
  return {
    store,
    dump: async () => JSON.stringify([...(store as unknown as { entries: Map<string, unknown> }).entries]),
    close: async () => undefined,
  };
});

deviceStoreContract('redis', async () => {
  const { redis, prefix } = isolatedRedis();
  return {
    store: new RedisDeviceStore(redis, prefix),
    dump: async () => {
      const keys = await redis.keys(`${prefix}*`);
      const values = await Promise.all(
        keys.map(async (k) =>
          (await redis.type(k)) === 'hash' ? JSON.stringify(await redis.hgetall(k)) : await redis.get(k),
        ),
      );
      return JSON.stringify([keys, values]);
    },
    close: async () => void (await redis.quit()),
  };
});
