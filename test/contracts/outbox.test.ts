import { SecretKeys } from '../../core/privacy/secretKeys';
import { TextSealer } from '../../core/privacy/textSealer';
import { MemoryEventLog } from '../../core/store/memory/memoryEventLog';
import { MemoryOutbox } from '../../core/store/memory/memoryOutbox';
import { MemoryReportStore } from '../../core/store/memory/memoryReportStore';
import { RedisOutbox } from '../../core/store/redis/redisOutbox';
import { RedisReportStore } from '../../core/store/redis/redisReportStore';
import { isolatedRedis } from '../support/testRedis';
import { outboxContract } from './outboxContract';

const sealer = new TextSealer(new SecretKeys('contract-secret-0123456789abcdef01234'));

outboxContract('memory', async () => {
  const log = new MemoryEventLog();
  const outbox = new MemoryOutbox(log);
  return { outbox, store: new MemoryReportStore(log), close: async () => outbox.close() };
});

outboxContract('redis', async () => {
  const { redis, prefix } = isolatedRedis();
  const outbox = new RedisOutbox(redis, prefix, sealer);
  return {
    outbox,
    store: new RedisReportStore(redis, prefix, sealer),
    close: async () => {
      await outbox.close();
      await redis.quit();
    },
  };
});
