import { OutboxEvent, outboxEventSchema } from '../../core/cases/types';
import { OUTBOX_CONTEXT, openJson } from '../../core/cases/sealedJson';
import { SecretKeys } from '../../core/privacy/secretKeys';
import { TextSealer } from '../../core/privacy/textSealer';

const sealer = new TextSealer(new SecretKeys('contract-secret-0123456789abcdef01234'));
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
    store: new RedisReportStore(redis, prefix, sealer),
    events: async () => (await redis.xrange(`${prefix}outbox`, '-', '+')).map(([, fields]) => openJson(sealer, fields[1], OUTBOX_CONTEXT, outboxEventSchema)),
    close: async () => {
      await redis.quit();
    },
  };
});
