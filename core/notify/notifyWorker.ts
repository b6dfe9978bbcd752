import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Outbox, OutboxDelivery } from '../cases/types';
import { BackoffOptions, backoffDelay } from './backoff';
import { NotifyMetrics } from './notifyMetrics';
import { shouldNotify } from './notifyPolicy';
import { Notifier, NotifyLog, PermanentDeliveryError, TransientDeliveryError } from './types';

export interface NotifyWorkerOptions {
  outbox: Outbox;
  notifiers: Notifier[];
  log: NotifyLog;
  metrics: NotifyMetrics;
  /** This process's consumer name in every group; unique per process so a restart never shares one. */
  consumer?: string;
  /** Tries before an event is dead-lettered (default 8). */
  maxAttempts?: number;
  /** Retry delays (default 2 s doubling to 30 s, jittered); never longer than `claimIdleMs`. */
  backoff?: BackoffOptions;
  /** Idle time after which a pending event is claimed from a consumer that died (default 30 s). */
  claimIdleMs?: number;
  /** How long one read waits for new events; also bounds how long stop() waits for a read (default 1 s). */
  blockMs?: number;
  /** Events read, and sent in parallel, per group at a time (default 10). */
  batchSize?: number;
  /** A send still running after this counts as failed (default 20 s, at most half the claim idle time). */
  sendTimeoutMs?: number;
  random?: () => number;
  now?: () => number;
}

export interface NotifyWorker {
  start(): void;
  /** Lets deliveries in flight finish, gives back what was read but not started, and resolves. */
  stop(): Promise<void>;
}

/**
 * Alerts the monitoring body from the outbox, at least once. One loop per notifier, each its own consumer group:
 * read → send → ack. A failed send is not acked: the event stays pending and `retryLater` back-dates its idle time so
 * the next read (by any worker) claims it after an exponential, jittered delay. Retries and crash recovery are thus
 * one mechanism, kept in the store (XAUTOCLAIM in Redis), so a worker that dies between read and ack, or while
 * waiting to retry, loses nothing: another claims the event after `claimIdleMs`. Attempts are the store's delivery
 * count; after `maxAttempts`, or at once on a permanent failure, the event is dead-lettered. Receivers de-duplicate
 * by the event id, sent as the idempotency key on every attempt. The price of keeping the schedule in the idle time:
 * no retry waits longer than `claimIdleMs`. With the defaults the tries come about 0, 2, 6, 14, 30, 60, 90 and 120 s
 * after the first read (each wait jittered down to half), and a receiver down for longer gets the event from the
 * dead-letter stream instead.
 */
export function createNotifyWorker(opts: NotifyWorkerOptions): NotifyWorker {
  const { outbox, log, metrics } = opts;
  const consumer = opts.consumer ?? `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const maxAttempts = opts.maxAttempts ?? 8;
  const backoff = opts.backoff ?? { baseMs: 2000, maxMs: 30_000 };
  const claimIdleMs = opts.claimIdleMs ?? 30_000;
  const read = { count: opts.batchSize ?? 10, blockMs: opts.blockMs ?? 1000, claimIdleMs };
  // A send must end well before its event can be claimed by another worker, or both would deliver it at once.
  const sendTimeoutMs = opts.sendTimeoutMs ?? Math.min(20_000, claimIdleMs / 2);
  const now = opts.now ?? Date.now;
  let running: Promise<void>[] = [];
  let stopping = false;
  let abort = new AbortController();

  /** Runs a store step whose failure only delays: the event stays pending and is claimed again later. */
  async function settle(op: () => Promise<unknown>, fields: object, msg: string): Promise<boolean> {
    try {
      await op();
      return true;
    } catch (err) {
      log.warn({ ...fields, err: errorText(err) }, msg);
      return false;
    }
  }

  /** A notifier has its own timeouts; this one only keeps a hung send from holding its loop for ever. */
  async function send(n: Notifier, d: OutboxDelivery): Promise<void> {
    const timer = new AbortController();
    const timeout = sleep(sendTimeoutMs, undefined, { signal: timer.signal }).then(() => {
      throw new TransientDeliveryError(`send took longer than ${sendTimeoutMs} ms`);
    });
    try {
      await Promise.race([n.send(d.event), timeout]);
    } finally {
      timer.abort();
    }
  }

  const giveBack = (n: Notifier, d: OutboxDelivery, delayMs: number) =>
    outbox.retryLater?.(n.name, consumer, d.deliveryId, { delayMs, claimIdleMs }) ?? Promise.resolve();

  async function handle(n: Notifier, d: OutboxDelivery): Promise<void> {
    const fields = {
      notifier: n.name,
      eventId: d.event.id,
      reportId: d.event.reportId,
      risk: d.event.risk,
      attempts: d.attempts,
    };
    if (!shouldNotify(d.event, n.name)) {
      await settle(() => outbox.ack(n.name, d.deliveryId), fields, 'outbox ack failed');
      return;
    }
    try {
      await send(n, d);
    } catch (err) {
      await failed(n, d, err, fields);
      return;
    }
    metrics.delivered.inc({ notifier: n.name });
    metrics.latency.observe({ notifier: n.name }, Math.max(0, now() - Date.parse(d.event.createdAt)) / 1000);
    log.info(fields, 'alert delivered');
    await settle(
      () => outbox.ack(n.name, d.deliveryId),
      fields,
      'outbox ack failed: the alert will be sent again',
    );
  }

  async function failed(n: Notifier, d: OutboxDelivery, err: unknown, fields: object): Promise<void> {
    metrics.failedAttempts.inc({ notifier: n.name });
    const permanent = err instanceof PermanentDeliveryError;
    if (permanent || d.attempts >= maxAttempts) {
      const reason = permanent ? errorText(err) : `gave up after ${d.attempts} attempts: ${errorText(err)}`;
      if (
        await settle(
          () => outbox.deadLetter(n.name, d, reason),
          fields,
          'dead-lettering failed; will try again',
        )
      ) {
        metrics.deadLettered.inc({ notifier: n.name });
        log.error({ ...fields, reason }, 'ALERT NOT DELIVERED: dead-lettered');
      }
      return;
    }
    const delayMs = Math.min(backoffDelay(d.attempts, backoff, opts.random), claimIdleMs);
    log.warn({ ...fields, err: errorText(err), retryInMs: delayMs }, 'alert delivery failed; will retry');
    await settle(() => giveBack(n, d, delayMs), fields, 'retry scheduling failed');
  }

  async function loop(n: Notifier): Promise<void> {
    while (!stopping) {
      let batch: OutboxDelivery[];
      try {
        batch = await outbox.read(n.name, consumer, read);
      } catch (err) {
        if (stopping) break;
        log.warn({ notifier: n.name, err: errorText(err) }, 'outbox read failed; retrying');
        await sleep(1000, undefined, { signal: abort.signal }).catch(() => undefined);
        continue;
      }
      if (stopping) {
        // Read but not started: hand them straight back so the next reader claims them without waiting.
        for (const d of batch)
          await settle(
            () => giveBack(n, d, 0),
            { notifier: n.name, eventId: d.event.id },
            'give back failed',
          );
        break;
      }
      await Promise.all(batch.map((d) => handle(n, d)));
    }
  }

  return {
    start() {
      if (running.length > 0) return;
      stopping = false;
      abort = new AbortController();
      running = opts.notifiers.map((n) =>
        loop(n).catch((err: unknown) =>
          log.error({ notifier: n.name, err: errorText(err) }, 'notify loop crashed'),
        ),
      );
      log.info({ consumer, notifiers: opts.notifiers.map((n) => n.name) }, 'notify worker started');
    },
    async stop() {
      stopping = true;
      abort.abort();
      await Promise.all(running);
      running = [];
    },
  };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
