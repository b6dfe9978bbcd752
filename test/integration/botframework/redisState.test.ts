import { Redis } from 'ioredis';
import { BotFrameworkClient, buttons, texts } from '../../support/botFrameworkClient';
import { startTestApp, uniquePrefix } from '../../support/testApp';
import { testRedisUrl } from '../../support/testRedis';

/** Every key and value under a prefix, as one string, to search for things that must never be stored. */
async function dumpPrefix(redis: Redis, prefix: string): Promise<string> {
  const keys = await redis.keys(`${prefix}*`);
  const parts: string[] = [];
  for (const key of keys) {
    const type = await redis.type(key);
    const value = type === 'string' ? await redis.get(key) : type === 'hash' ? JSON.stringify(await redis.hgetall(key)) : type === 'stream' ? JSON.stringify(await redis.xrange(key, '-', '+')) : JSON.stringify(await redis.dump(key));
    parts.push(`${key}=${value}`);
  }
  return parts.join('\n');
}

describe('bot state on Redis', () => {
  const redis = new Redis(testRedisUrl());
  afterAll(() => redis.quit());

  it('keeps the conversation where it was across a restart of the service', async () => {
    const prefix = uniquePrefix();
    const env = { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix };
    const first = await startTestApp(env);
    const child = new BotFrameworkClient(first.url);
    await child.send('hi');
    const age = await child.send('English');
    expect(buttons(age)).toContain('12 to 17');
    await first.stop();

    const second = await startTestApp(env);
    try {
      const client = Object.assign(new BotFrameworkClient(second.url), { conversationId: child.conversationId, userId: child.userId });
      const next = await client.send('2');
      expect(texts(next).join(' ')).toMatch(/independent monitoring body/);
      expect(buttons(next)).toContain('Make a complaint');
    } finally {
      await second.stop();
    }
  });

  it('stores no raw id, no phone number and no plaintext of what the child wrote, in any key or value', async () => {
    const prefix = uniquePrefix();
    const running = await startTestApp({ REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix });
    const userId = 'telegram-user-8812345678';
    const child = new BotFrameworkClient(running.url, userId, 'telegram');
    const complaint = 'The cook shouts at the small kids every morning, call me on 081 234 5678';
    try {
      for (const text of ['hi', '1', '2', 'Make a complaint', '1', 'Food', complaint]) await child.send(text);
      const halfway = await dumpPrefix(redis, prefix);
      for (const text of ['Yes', 'Check my report', '0000-0000-0001', '4', 'No']) await child.send(text);
      const dump = `${halfway}\n${await dumpPrefix(redis, prefix)}`;
      expect(await running.heard.stores.reports.list({})).toHaveLength(1);
      expect(dump.length).toBeGreaterThan(100);
      expect(dump).not.toContain(userId);
      expect(dump).not.toContain('8812345678');
      expect(dump).not.toContain(child.conversationId);
      expect(dump).not.toMatch(/081.?234.?5678/);
      expect(dump).not.toContain('shouts');
      expect(dump).not.toContain('cook');
      // Reports have no TTL on purpose while open (see RedisReportStore); everything else expires.
      for (const key of await redis.keys(`${prefix}*`)) {
        if (/:(report:|receipt:|reports$|outbox)/.test(key)) continue;
        expect(await redis.pttl(key)).toBeGreaterThan(0);
      }
    } finally {
      await running.stop();
    }
  });

  it('reports the store as ready, and as unavailable when Redis cannot be reached', async () => {
    const ok = await startTestApp({ REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: uniquePrefix() });
    const down = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1', REDIS_KEY_PREFIX: uniquePrefix() });
    try {
      expect((await fetch(`${ok.url}/readyz`)).status).toBe(200);
      expect((await fetch(`${down.url}/readyz`)).status).toBe(503);
    } finally {
      await ok.stop();
      await down.stop();
    }
  });
});
