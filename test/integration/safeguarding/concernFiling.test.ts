import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { BotFrameworkClient, ReplyActivity, buttons, texts } from '../../support/botFrameworkClient';
import { startRedisServer, removeDir } from '../../support/redisServer';
import { startTestApp, uniquePrefix } from '../../support/testApp';
import { testRedisUrl } from '../../support/testRedis';

const said = (replies: ReplyActivity[]) => texts(replies).join('\n');

async function eventually<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`not true within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('a concern is filed before the child is answered, with the real rules', () => {
  it('files a Thai urgent disclosure typed in the middle of the complaint dialog, answers with 1387, then returns', async () => {
    const prefix = uniquePrefix();
    const running = await startTestApp({ REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix });
    const redis = new Redis(testRedisUrl());
    try {
      const child = new BotFrameworkClient(running.url);
      for (const text of ['สวัสดี', 'ไทย', '2', 'ร้องเรียน']) await child.send(text);
      const topics = await child.send('1');
      expect(buttons(topics)).toContain('อาหาร');

      const sentAt = Date.now();
      const answer = await child.send('พี่เลี้ยงตีหนูทุกคืน หนูกลัวมาก อยากตาย');
      const [report] = await eventually(async () => {
        const list = await running.heard.stores.reports.list({});
        return list.length ? list : undefined;
      }, 1000);
      // Filed (stored in Redis, with its outbox event) within a second of the child pressing send.
      expect(Date.parse(report.createdAt) - sentAt).toBeLessThan(1000);
      expect(report).toMatchObject({ kind: 'concern', risk: 'urgent', locale: 'th' });
      expect(report.categories).toEqual(expect.arrayContaining(['self_harm']));
      expect(await redis.exists(`${prefix}report:${report.id}`)).toBe(1);
      expect(await redis.xlen(`${prefix}outbox`)).toBe(1);

      expect(said(answer)).toContain('1387');
      expect(said(answer)).toContain('1 ชั่วโมง');
      expect(said(answer)).toMatch(/\d{4}-\d{4}-\d{4}/);
      const back = await child.send('ไม่ ไปต่อ');
      expect(buttons(back)).toContain('อาหาร'); // the complaint's topic question again
    } finally {
      await redis.quit();
      await running.stop();
    }
  });

  it('screens every message: nothing is filed for ordinary words, even with risky ones used figuratively', async () => {
    const running = await startTestApp({ SPOOL_DIR: mkdtempSync(path.join(os.tmpdir(), 'spool-')) });
    try {
      const child = new BotFrameworkClient(running.url);
      for (const text of ['hi', 'English', '2', 'this homework is killing me lol', 'nobody hits us here']) await child.send(text);
      expect(await running.heard.stores.reports.list({})).toHaveLength(0);
    } finally {
      await running.stop();
    }
  });

  it('with Redis stopped, still answers with the helpline at once, and the concern appears once Redis is back', async () => {
    const server = await startRedisServer();
    const spoolDir = mkdtempSync(path.join(os.tmpdir(), 'spool-'));
    const running = await startTestApp({ REDIS_URL: server.url, REDIS_KEY_PREFIX: uniquePrefix(), SPOOL_DIR: spoolDir });
    let restarted: Awaited<ReturnType<typeof startRedisServer>> | undefined;
    try {
      const child = new BotFrameworkClient(running.url);
      for (const text of ['สวัสดี', 'ไทย', '2']) await child.send(text);
      await server.stop();

      const started = Date.now();
      const answer = await child.send('ลุงเข้ามาในห้องตอนกลางคืนแล้วจับหน้าอกหนู หนูอยากตาย');
      expect(Date.now() - started).toBeLessThan(3000);
      expect(said(answer)).toMatch(/1387/);
      // The child's saved language may be in the store that is down: then the answer is in the default language.
      expect(said(answer)).toMatch(/1 ชั่วโมง|within 1 hour/);
      expect(said(answer)).toMatch(/\d{4}-\d{4}-\d{4}/);

      restarted = await startRedisServer({ port: server.port, dir: server.dir });
      const reports = await eventually(async () => {
        const list = await running.heard.stores.reports.list({}).catch(() => []);
        return list.length ? list : undefined;
      }, 15_000);
      expect(reports[0]).toMatchObject({ kind: 'concern', risk: 'urgent' });
    } finally {
      await running.stop();
      await restarted?.stop();
      removeDir(server.dir);
      removeDir(spoolDir);
    }
  }, 30_000);
});
