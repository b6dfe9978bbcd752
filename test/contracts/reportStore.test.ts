import { OutboxEvent, outboxEventSchema } from '../../core/cases/types';
import { MemoryReportStore } from '../../core/store/memory/memoryReportStore';
import { RedisReportStore } from '../../core/store/redis/redisReportStore';
import { isolatedRedis } from '../support/testRedis';
import { reportStoreContract } from './reportStoreContract';

reportStoreContract('memory', async () => {
  const events: OutboxEvent[] = [];
  return { store: new MemoryReportStore({ append: (e) => events.push(e) }), events: async () => events, close: async () => undefined };
});

reportStoreContract('redis', async () => {
  const { redis, prefix } = isolatedRedis();
  return {
    store: new RedisReportStore(redis, prefix),
    events: async () => (await redis.xrange(`${prefix}outbox`, '-', '+')).map(([, fields]) => outboxEventSchema.parse(JSON.parse(fields[1]))),
    close: async () => {
      await redis.quit();
    },
  };
});
