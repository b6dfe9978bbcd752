import { Registry } from 'prom-client';
import { OutboxEvent } from '../../../../core/cases/types';
import { createNotifyMetrics } from '../../../../core/notify/notifyMetrics';
import { createNotifyWorker, NotifyWorker } from '../../../../core/notify/notifyWorker';
import { Notifier, NotifierName, PermanentDeliveryError } from '../../../../core/notify/types';
import { MemoryEventLog } from '../../../../core/store/memory/memoryEventLog';
import { MemoryOutbox } from '../../../../core/store/memory/memoryOutbox';

const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
let seq = 0;
function event(over: Partial<OutboxEvent> = {}): OutboxEvent {
  seq++;
  return {
    id: `e${seq}`,
    type: 'report.created',
    reportId: `r${seq}`,
    risk: 'urgent',
    kind: 'concern',
    categories: ['physical_abuse'],
    locale: 'th',
    redactedText: 'redacted',
    createdAt: new Date().toISOString(),
    dueAt: new Date(Date.now() + 3_600_000).toISOString(),
    ...over,
  };
}

/** A notifier whose answers are scripted: each call takes the next outcome; the last one repeats. */
function scripted(name: NotifierName, outcomes: ('ok' | 'fail' | 'permanent')[]) {
  const calls: OutboxEvent[] = [];
  const notifier: Notifier = {
    name,
    async send(e) {
      calls.push(e);
      const outcome = outcomes[Math.min(calls.length - 1, outcomes.length - 1)];
      if (outcome === 'fail') throw new Error('receiver down');
      if (outcome === 'permanent') throw new PermanentDeliveryError('receiver said 400');
    },
  };
  return { notifier, calls };
}

async function until(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('notify worker', () => {
  let log: MemoryEventLog;
  let outbox: MemoryOutbox;
  let registry: Registry;
  let worker: NotifyWorker | undefined;
  const metric = async (name: string, notifier: NotifierName) =>
    (await registry.getSingleMetric(name)!.get()).values.find(
      (v) => v.labels.notifier === notifier && !('le' in v.labels),
    )?.value ?? 0;

  beforeEach(() => {
    log = new MemoryEventLog();
    outbox = new MemoryOutbox(log);
    registry = new Registry();
  });
  afterEach(async () => {
    await worker?.stop();
    outbox.close();
  });

  function start(notifiers: Notifier[], over: { maxAttempts?: number } = {}) {
    worker = createNotifyWorker({
      outbox,
      notifiers,
      log: quietLog,
      metrics: createNotifyMetrics(registry),
      blockMs: 50,
      claimIdleMs: 500,
      backoff: { baseMs: 10, maxMs: 40 },
      ...over,
    });
    worker.start();
  }

  it('sends an urgent report to every notifier and a concern only to the webhook', async () => {
    const web = scripted('webhook', ['ok']);
    const mail = scripted('email', ['ok']);
    start([web.notifier, mail.notifier]);
    const urgent = event();
    const concern = event({ risk: 'concern' });
    const none = event({ risk: 'none', kind: 'complaint' });
    for (const e of [urgent, concern, none]) log.append(e);
    await until(() => web.calls.length === 2 && mail.calls.length === 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(web.calls.map((e) => e.id)).toEqual([urgent.id, concern.id]);
    expect(mail.calls.map((e) => e.id)).toEqual([urgent.id]);
    expect(await metric('heard_notify_delivered_total', 'webhook')).toBe(2);
  });

  it('retries a failing receiver with backoff until it succeeds, sending the same event each time', async () => {
    const web = scripted('webhook', ['fail', 'fail', 'ok']);
    start([web.notifier]);
    const e = event();
    log.append(e);
    await until(async () => (await metric('heard_notify_delivered_total', 'webhook')) === 1);
    expect(web.calls).toHaveLength(3);
    expect(new Set(web.calls.map((c) => c.id))).toEqual(new Set([e.id]));
    expect(await metric('heard_notify_failed_attempts_total', 'webhook')).toBe(2);
    expect(await outbox.deadLetters(10)).toEqual([]);
  });

  it('dead-letters after maxAttempts failures and stops trying', async () => {
    const web = scripted('webhook', ['fail']);
    start([web.notifier], { maxAttempts: 3 });
    const e = event();
    log.append(e);
    await until(async () => (await outbox.deadLetters(10)).length === 1);
    const [dead] = await outbox.deadLetters(10);
    expect(dead).toMatchObject({ group: 'webhook', event: e });
    expect(dead.reason).toMatch(/gave up after 3 attempts/);
    await new Promise((r) => setTimeout(r, 150));
    expect(web.calls).toHaveLength(3);
    expect(await metric('heard_notify_dead_lettered_total', 'webhook')).toBe(1);
  });

  it('dead-letters a permanent failure at once, without retrying', async () => {
    const web = scripted('webhook', ['permanent']);
    start([web.notifier]);
    log.append(event());
    await until(async () => (await outbox.deadLetters(10)).length === 1);
    expect((await outbox.deadLetters(1))[0].reason).toBe('receiver said 400');
    expect(web.calls).toHaveLength(1);
  });

  it('keeps one notifier failing from holding back the other', async () => {
    const web = scripted('webhook', ['fail']);
    const mail = scripted('email', ['ok']);
    start([web.notifier, mail.notifier]);
    log.append(event());
    await until(() => mail.calls.length === 1);
    expect(await metric('heard_notify_delivered_total', 'email')).toBe(1);
  });

  it('counts a send that hangs past sendTimeoutMs as a failed attempt and tries again', async () => {
    let calls = 0;
    const hangsOnce: Notifier = {
      name: 'webhook',
      send: () => (++calls === 1 ? new Promise<void>(() => undefined) : Promise.resolve()),
    };
    worker = createNotifyWorker({
      outbox,
      notifiers: [hangsOnce],
      log: quietLog,
      metrics: createNotifyMetrics(registry),
      blockMs: 50,
      claimIdleMs: 500,
      sendTimeoutMs: 50,
      backoff: { baseMs: 10, maxMs: 20 },
    });
    worker.start();
    log.append(event());
    await until(async () => (await metric('heard_notify_delivered_total', 'webhook')) === 1);
    expect(calls).toBe(2);
    expect(await metric('heard_notify_failed_attempts_total', 'webhook')).toBe(1);
  });

  it('stop() waits for the delivery in flight, which is then acked', async () => {
    let release!: () => void;
    const entered: OutboxEvent[] = [];
    const slow: Notifier = {
      name: 'webhook',
      send: (e) => {
        entered.push(e);
        return new Promise<void>((r) => (release = r));
      },
    };
    start([slow]);
    log.append(event());
    await until(() => entered.length === 1);
    let stopped = false;
    const stopping = worker!.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 100));
    expect(stopped).toBe(false);
    release();
    await stopping;
    worker = undefined;
    await new Promise((r) => setTimeout(r, 550));
    expect(await outbox.read('webhook', 'next', { count: 10, blockMs: 0, claimIdleMs: 500 })).toEqual([]);
  });
});
