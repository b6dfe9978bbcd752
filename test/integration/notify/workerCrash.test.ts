import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { createWebhookNotifier } from '../../../core/notify/webhookNotifier';
import { testRedisUrl } from '../../support/testRedis';
import { keys, notifyHarness, TEST_SECRET } from './notifyHarness';
import { startWebhookReceiver, until } from './receivers';

const CLAIM_IDLE_MS = 1000;

describe('a worker that dies mid-delivery loses nothing (real Redis)', () => {
  const closers: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  it('an event a crashed consumer read but never acked is claimed by the next worker after claimIdleMs', async () => {
    const h = notifyHarness();
    closers.push(() => h.close());
    const hook = await startWebhookReceiver();
    closers.push(hook.close);
    const event = await h.file();
    const crashed = await h
      .outbox()
      .read('webhook', 'crashed', { count: 10, blockMs: 0, claimIdleMs: CLAIM_IDLE_MS });
    expect(crashed.map((d) => d.event.id)).toEqual([event.id]);
    const readAt = Date.now();

    h.worker([createWebhookNotifier({ url: hook.url, key: keys.key('webhook') })], {
      claimIdleMs: CLAIM_IDLE_MS,
    });
    await until(() => hook.requests.length === 1);
    expect(hook.requests[0].at - readAt).toBeGreaterThanOrEqual(CLAIM_IDLE_MS - 20);
    expect(hook.requests[0].headers['idempotency-key']).toBe(event.id);
    await until(async () => (await h.redis.xpending(`${h.prefix}outbox`, 'webhook'))[0] === 0);
  });

  it('a worker process killed with SIGKILL while the receiver holds its request: the next worker delivers', async () => {
    const h = notifyHarness();
    closers.push(() => h.close());
    let firstHeld!: () => void;
    const hook = await startWebhookReceiver((_req, n) =>
      n === 1 ? new Promise<number>((r) => (firstHeld = () => r(200))) : 200,
    );
    closers.push(hook.close, () => firstHeld?.());

    const child = await startWorkerProcess({
      NOTIFY_TEST_SECRET: TEST_SECRET,
      NOTIFY_TEST_REDIS_URL: testRedisUrl(),
      NOTIFY_TEST_PREFIX: h.prefix,
      NOTIFY_TEST_WEBHOOK_URL: hook.url,
      NOTIFY_TEST_CLAIM_IDLE_MS: String(CLAIM_IDLE_MS),
    });
    closers.push(() => void child.kill('SIGKILL'));
    const event = await h.file();
    await until(() => hook.requests.length === 1);
    await new Promise<void>((r) => {
      child.once('exit', () => r());
      child.kill('SIGKILL');
    });
    const [pendingCount, , , consumers] = (await h.redis.xpending(`${h.prefix}outbox`, 'webhook')) as [
      number,
      string,
      string,
      [string, string][],
    ];
    expect([pendingCount, consumers]).toEqual([1, [['doomed', '1']]]);

    h.worker([createWebhookNotifier({ url: hook.url, key: keys.key('webhook') })], {
      claimIdleMs: CLAIM_IDLE_MS,
    });
    await until(() => hook.requests.length === 2);
    expect(hook.requests.map((r) => r.headers['idempotency-key'])).toEqual([event.id, event.id]);
    await until(async () => (await h.redis.xpending(`${h.prefix}outbox`, 'webhook'))[0] === 0);
    expect(await h.outbox().deadLetters(10)).toEqual([]);
  });
});

/** Bundles the fixture (dependencies stay external, resolved from our node_modules) and starts it. */
async function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'heard-notify-'));
  const outfile = path.join(dir, 'worker.js');
  buildSync({
    entryPoints: [path.join(__dirname, 'fixtures/webhookWorkerProcess.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  const child = spawn(process.execPath, [outfile], {
    env: { ...process.env, ...env, NODE_PATH: path.resolve(__dirname, '../../../node_modules') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`worker process exited with ${code}`)));
  });
  return child;
}
