import { OutboxEvent, outboxEventSchema } from '../../core/cases/types';
import { OUTBOX_CONTEXT, openJson } from '../../core/cases/sealedJson';
import { SecretKeys } from '../../core/privacy/secretKeys';
import { TextSealer } from '../../core/privacy/textSealer';

const sealer = new TextSealer(new SecretKeys('contract-secret-0123456789abcdef01234'));
import { MemoryReportStore } from '../../core/store/memory/memoryReportStore';
import { RedisReportStore } from '../../core/store/redis/redisReportStore';
import { isolatedRedis } from '../support/testRedis';
import { reportStoreContract, sampleEvent, sampleReport } from './reportStoreContract';

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

describe('RedisReportStore listing', () => {
  it('lists a report changed by another process with its change, not as it was last listed', async () => {
    const { redis, prefix } = isolatedRedis();
    try {
      const here = new RedisReportStore(redis, prefix, sealer);
      const elsewhere = new RedisReportStore(redis, prefix, sealer);
      const report = sampleReport();
      await here.create(report, sampleEvent(report));
      expect((await here.list({})).map((r) => r.status)).toEqual(['new']);
      await elsewhere.update(report.id, (r) => ({ ...r, status: 'in_progress' }));
      expect((await here.list({})).map((r) => r.status)).toEqual(['in_progress']);
      expect(await here.list({ status: ['new'] })).toEqual([]);
    } finally {
      await redis.quit();
    }
  });

  it('gives each caller its own copy: changing a listed report changes neither the store nor the next list', async () => {
    const { redis, prefix } = isolatedRedis();
    try {
      const store = new RedisReportStore(redis, prefix, sealer);
      const report = sampleReport();
      await store.create(report, sampleEvent(report));
      await store.list({});
      const [first] = await store.list({});
      first.categories.push('bullying');
      first.status = 'closed';
      const [again] = await store.list({});
      expect(again).toEqual(report);
    } finally {
      await redis.quit();
    }
  });
});
