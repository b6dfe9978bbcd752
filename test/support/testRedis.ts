import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** The shared test redis-server started by globalSetup. */
export function testRedisUrl(): string {
  const url = process.env.HEARD_TEST_REDIS_URL;
  if (!url) throw new Error('HEARD_TEST_REDIS_URL is not set: run tests through jest (globalSetup starts Redis)');
  return url;
}

/** A client and a key prefix unique to this test, so tests never see each other's keys. */
export function isolatedRedis(): { redis: Redis; prefix: string } {
  return { redis: new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 }), prefix: `t${randomUUID().slice(0, 8)}:` };
}
