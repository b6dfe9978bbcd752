import { MemorySessionStore } from '../../core/sessions/memorySessionStore';
import { RedisSessionStore } from '../../core/sessions/redisSessionStore';
import { startSession } from '../../core/sessions/sessionPolicy';
import { isolatedRedis } from '../support/testRedis';
import { sessionStoreContract } from './sessionsContract';

function clock() {
  let t = Date.now();
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

sessionStoreContract('memory', async () => {
  const c = clock();
  return { store: new MemorySessionStore(c.now), ...c, close: async () => undefined };
});

// Redis expires keys on its own clock; the adapter also checks the limits on read, which is what a moved clock tests.
sessionStoreContract('redis', async () => {
  const { redis, prefix } = isolatedRedis();
  const c = clock();
  return { store: new RedisSessionStore(redis, prefix, c.now), ...c, close: async () => void (await redis.quit()) };
});

describe('RedisSessionStore', () => {
  it('gives each session key a TTL no longer than the idle limit, and stores no cookie token', async () => {
    const { redis, prefix } = isolatedRedis();
    const { token, session } = startSession('u', 'full', new Date());
    await new RedisSessionStore(redis, prefix).create(session);
    const ttl = await redis.pttl(`${prefix}session:${session.id}`);
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
    const keys = await redis.keys(`${prefix}*`);
    expect(keys.join()).not.toContain(token);
    expect(await redis.get(`${prefix}session:${session.id}`)).not.toContain(token);
    await redis.quit();
  });
});
