import { Config } from './config';
import { Logger } from './logger';
import { MemoryStateStorage } from '../core/store/memory/memoryStateStorage';
import { RedisStateStorage } from '../core/store/redis/redisStateStorage';
import { connectRedis, RedisClient, whenReady } from '../core/store/redis/redisConnection';
import { TextSealer } from '../core/privacy/textSealer';
import { RateLimiter, StateStorage, StoreLifecycle } from '../core/store/types';
import { Outbox, ReportStore } from '../core/cases/types';
import { FacilityStore } from '../core/facilities/types';
import { MemoryFacilityStore } from '../core/facilities/memoryFacilityStore';
import { RedisFacilityStore } from '../core/facilities/redisFacilityStore';
import { ViewsStore } from '../core/views/types';
import { MemoryViewsStore } from '../core/store/memory/memoryViewsStore';
import { RedisViewsStore } from '../core/store/redis/redisViewsStore';
import { MemoryEventLog } from '../core/store/memory/memoryEventLog';
import { MemoryOutbox } from '../core/store/memory/memoryOutbox';
import { RedisOutbox } from '../core/store/redis/redisOutbox';
import { MemoryReportStore } from '../core/store/memory/memoryReportStore';
import { RedisReportStore } from '../core/store/redis/redisReportStore';
import { MemoryRateLimiter } from '../core/store/memory/memoryRateLimiter';
import { RedisRateLimiter } from '../core/store/redis/redisRateLimiter';

export interface Stores extends StoreLifecycle {
  kind: 'redis' | 'memory';
  state: StateStorage;
  reports: ReportStore;
  /** The reports' outbox as notifier workers consume it. */
  outbox: Outbox & { close(): void | Promise<void> };
  limiter: RateLimiter;
  views: ViewsStore;
  facilities: FacilityStore;
  redis?: RedisClient;
}

/** Chooses the store adapters: Redis when REDIS_URL is set, otherwise the embedded in-memory default. */
export async function openStores(config: Config, log: Logger, sealer: TextSealer): Promise<Stores> {
  const stateTtlMs = config.CONVERSATION_TTL_DAYS * 86_400_000;
  if (!config.REDIS_URL) {
    log.warn('No REDIS_URL: running on the in-memory store. NOTHING IS PERSISTED: a restart forgets every conversation and report.');
    const events = new MemoryEventLog();
    return {
      kind: 'memory',
      state: new MemoryStateStorage(stateTtlMs),
      reports: new MemoryReportStore(events),
      outbox: new MemoryOutbox(events),
      limiter: new MemoryRateLimiter(),
      views: new MemoryViewsStore(),
      facilities: new MemoryFacilityStore(),
      ping: async () => undefined,
      close: async () => undefined,
    };
  }
  const redis = connectRedis(config.REDIS_URL);
  redis.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error'));
  // Start even if Redis is down (concerns then go to the local spool), but give it a moment to connect first.
  if (!(await whenReady(redis, 15_000))) log.error('Redis is not reachable yet; /readyz reports unavailable until it is');
  const prefix = config.REDIS_KEY_PREFIX;
  return {
    kind: 'redis',
    redis,
    state: new RedisStateStorage(redis, prefix, stateTtlMs),
    reports: new RedisReportStore(redis, prefix, sealer),
    outbox: new RedisOutbox(redis, prefix, sealer),
    limiter: new RedisRateLimiter(redis, prefix),
    views: new RedisViewsStore(redis, prefix),
    facilities: new RedisFacilityStore(redis, prefix),
    ping: async () => {
      await redis.ping();
    },
    close: async () => {
      if (redis.status === 'ready') await redis.quit();
      else redis.disconnect();
    },
  };
}
