import { Redis } from 'ioredis';
import { RunningApp } from '../../support/testApp';
import { testRedisUrl } from '../../support/testRedis';
import { uniquePrefix } from '../../support/testApp';
import { AdminClient } from './adminClient';
import { ADMIN, fileReport, signedInAdmin, startAdminApp } from './fixtures';

describe('admin on Redis', () => {
  let running: RunningApp;
  let redis: Redis;
  let prefix: string;
  beforeAll(async () => {
    prefix = uniquePrefix();
    running = await startAdminApp({ REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix });
    redis = new Redis(testRedisUrl());
  });
  afterAll(async () => {
    await running.stop();
    await redis.quit();
  });

  it('keeps the audit log on the stream `${prefix}audit`, sessions with a TTL, and the admin sealed', async () => {
    const admin = await signedInAdmin(running.url);
    const r = await fileReport(running, { facilityId: 'demo-facility' });
    expect((await admin.get(`/admin/api/reports/${r.id}`)).status).toBe(200);

    const stream = await redis.xrange(`${prefix}audit`, '-', '+');
    const actions = stream.map(([, fields]) => JSON.parse(fields[1]) as { action: string; target: string });
    expect(actions.map((a) => a.action)).toEqual(['user.create', 'signin.success', 'report.view']);
    expect(actions[2].target).toBe(r.id);

    const sessionKeys = await redis.keys(`${prefix}session:*`);
    expect(sessionKeys).toHaveLength(1);
    expect(await redis.pttl(sessionKeys[0])).toBeGreaterThan(0);

    const userKeys = await redis.keys(`${prefix}user:*`);
    expect(userKeys).toHaveLength(1);
    expect(await redis.get(userKeys[0])).not.toContain(ADMIN.totpSecret);
  });

  it('serves the queue from the Redis report store in queue order', async () => {
    const admin = await signedInAdmin(running.url);
    const urgent = await fileReport(running, { risk: 'urgent' });
    const items = (await admin.get('/admin/api/reports?status=open')).json<{ items: { id: string }[] }>().items;
    expect(items[0].id).toBe(urgent.id);
  });

  it('does not recreate or reset the bootstrap admin on a second start', async () => {
    const again = await startAdminApp({ REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix, ADMIN_BOOTSTRAP_PASSWORD: 'a different password 1' });
    const res = await new AdminClient(again.url).post('/admin/api/session', { email: ADMIN.email, password: 'a different password 1', totp: '000000' });
    expect(res.status).toBe(401);
    expect(await redis.keys(`${prefix}user:*`)).toHaveLength(1);
    await again.stop();
  });
});
