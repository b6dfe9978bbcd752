import { WebSocket } from 'ws';
import { Redis } from 'ioredis';
import { RunningApp, startTestApp, uniquePrefix } from '../../support/testApp';
import { testRedisUrl } from '../../support/testRedis';
import { botMessages, call, DlActivity, enrolledDeviceKey, startConversation } from './directLineKit';

/** A WebSocket on a stream URL, collecting the activities it is sent. */
async function openStream(streamUrl: string) {
  const ws = new WebSocket(streamUrl);
  const received: DlActivity[] = [];
  const watermarks: string[] = [];
  ws.on('message', (data) => {
    const text = String(data);
    if (!text) return;
    const group = JSON.parse(text) as { activities: DlActivity[]; watermark: string };
    received.push(...group.activities);
    watermarks.push(group.watermark);
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const closed = new Promise<number>((resolve) => ws.once('close', resolve));
  return {
    ws,
    received,
    watermarks,
    closed,
    async waitFor(done: (a: DlActivity[]) => boolean, ms = 8000) {
      const until = Date.now() + ms;
      while (!done(received)) {
        if (Date.now() > until)
          throw new Error(`timed out; got ${JSON.stringify(received.map((a) => a.text))}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}

describe('Direct Line across two instances on one Redis', () => {
  let a: RunningApp;
  let b: RunningApp;
  let prefix: string;
  beforeAll(async () => {
    prefix = uniquePrefix();
    const env = { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix };
    [a, b] = await Promise.all([startTestApp(env), startTestApp(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('delivers the replies to a message posted through B on the WebSocket held by A', async () => {
    const deviceKey = await enrolledDeviceKey(b);
    const conv = await startConversation(a.url, deviceKey);
    const stream = await openStream(conv.streamUrl);
    try {
      await stream.waitFor((r) => botMessages(r).some((m) => /Which language/.test(m.text ?? '')));
      const posted = await call(b.url, `/conversations/${conv.conversationId}/activities`, {
        bearer: conv.token,
        body: { type: 'message', text: '1' },
      });
      expect(posted.status).toBe(200);
      await stream.waitFor((r) => botMessages(r).some((m) => /How old are you/.test(m.text ?? '')));
      expect(stream.received.map((x) => x.id)).toEqual([...new Set(stream.received.map((x) => x.id))]);
      expect(stream.received.find((x) => x.from.role === 'user')?.text).toBe('1');
      expect(Number(stream.watermarks.at(-1))).toBe(stream.received.length);
    } finally {
      stream.ws.close();
    }
  });

  it('closes the stream on A when B ends the conversation', async () => {
    const conv = await startConversation(a.url, await enrolledDeviceKey(a));
    const stream = await openStream(conv.streamUrl);
    await stream.waitFor((r) => botMessages(r).length > 0);
    await call(b.url, `/conversations/${conv.conversationId}/activities`, {
      bearer: conv.token,
      body: { type: 'endOfConversation' },
    });
    expect(await stream.closed).toBe(1000);
  });

  it('keeps what the child typed only sealed in Redis, and only for a while', async () => {
    const conv = await startConversation(b.url, await enrolledDeviceKey(b));
    const secret = 'my-uncle-took-my-passport-7731';
    await call(a.url, `/conversations/${conv.conversationId}/activities`, {
      bearer: conv.token,
      body: { type: 'message', text: secret },
    });
    const redis = new Redis(testRedisUrl());
    try {
      const keys = await redis.keys(`${prefix}dl:*${conv.conversationId}`);
      expect(keys.sort()).toEqual([
        `${prefix}dl:conv:${conv.conversationId}`,
        `${prefix}dl:log:${conv.conversationId}`,
      ]);
      const entries = await redis.lrange(`${prefix}dl:log:${conv.conversationId}`, 0, -1);
      expect(entries.length).toBeGreaterThan(1);
      expect(entries.join('\n')).not.toContain(secret);
      expect(entries.join('\n')).not.toContain('Hello');
      for (const key of keys) {
        const ttl = await redis.pttl(key);
        expect(ttl).toBeGreaterThan(50 * 60_000);
        expect(ttl).toBeLessThanOrEqual(60 * 60_000);
      }
    } finally {
      await redis.quit();
    }
  });

  it('refuses a stream URL without a valid stream token', async () => {
    const conv = await startConversation(a.url, await enrolledDeviceKey(a));
    const forged = conv.streamUrl.replace(/t=[^&]+/, `t=${encodeURIComponent(conv.token)}`);
    await expect(openStream(forged)).rejects.toThrow(/401/);
  });
});
