import { Registry } from 'prom-client';
import { Report } from '../../../core/cases/types';
import { createNotifyMetrics } from '../../../core/notify/notifyMetrics';
import { createNotifyWorker, NotifyWorkerOptions } from '../../../core/notify/notifyWorker';
import { Notifier } from '../../../core/notify/types';
import { SecretKeys } from '../../../core/privacy/secretKeys';
import { TextSealer } from '../../../core/privacy/textSealer';
import { RedisOutbox } from '../../../core/store/redis/redisOutbox';
import { RedisReportStore } from '../../../core/store/redis/redisReportStore';
import { sampleEvent, sampleReport } from '../../contracts/reportStoreContract';
import { isolatedRedis } from '../../support/testRedis';

export const TEST_SECRET = 'notify-test-secret-0123456789abcdef012';
export const keys = new SecretKeys(TEST_SECRET);
export const sealer = new TextSealer(keys);
export const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Real Redis under a unique prefix: the report store files, workers consume through their own RedisOutbox. */
export function notifyHarness() {
  const { redis, prefix } = isolatedRedis();
  const store = new RedisReportStore(redis, prefix, sealer);
  const outboxes: RedisOutbox[] = [];
  const workers: { stop(): Promise<void> }[] = [];
  const registry = new Registry();
  const metrics = createNotifyMetrics(registry);
  return {
    redis,
    prefix,
    registry,
    /** Files a new report (created now) with its outbox event, as the report service does. */
    async file(over: Partial<Report> = {}) {
      const report = sampleReport({ createdAt: new Date().toISOString(), ...over });
      const event = sampleEvent(report);
      await store.create(report, event);
      return event;
    },
    outbox() {
      const outbox = new RedisOutbox(redis, prefix, sealer);
      outboxes.push(outbox);
      return outbox;
    },
    worker(notifiers: Notifier[], over: Partial<NotifyWorkerOptions> = {}) {
      const worker = createNotifyWorker({
        outbox: this.outbox(),
        notifiers,
        log: quietLog,
        metrics,
        blockMs: 200,
        claimIdleMs: 1000,
        backoff: { baseMs: 20, maxMs: 100 },
        ...over,
      });
      workers.push(worker);
      worker.start();
      return worker;
    },
    async close() {
      await Promise.all(workers.map((w) => w.stop()));
      await Promise.all(outboxes.map((o) => o.close()));
      await redis.quit();
    },
  };
}
