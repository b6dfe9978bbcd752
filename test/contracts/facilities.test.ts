import { MemoryFacilityStore } from '../../core/facilities/memoryFacilityStore';
import { RedisFacilityStore } from '../../core/facilities/redisFacilityStore';
import { isolatedRedis } from '../support/testRedis';
import { facilityStoreContract } from './facilitiesContract';

facilityStoreContract('memory', async () => ({ store: new MemoryFacilityStore(), close: async () => undefined }));

facilityStoreContract('redis', async () => {
  const { redis, prefix } = isolatedRedis();
  return { store: new RedisFacilityStore(redis, prefix), close: async () => void (await redis.quit()) };
});
