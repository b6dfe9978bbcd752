import { Cluster } from 'ioredis';
import { OUTBOX_CONTEXT, openJson, sealJson } from '../../cases/sealedJson';
import { Outbox, OutboxDelivery, OutboxEvent, outboxEventSchema } from '../../cases/types';
import { TextSealer } from '../../privacy/textSealer';
import { StoreUnavailable } from '../types';
import { RedisClient, whenReady } from './redisConnection';

type StreamEntry = [id: string, fields: string[] | null];
export interface DeadLetter {
  event: OutboxEvent;
  reason: string;
  group: string;
}

/**
 * The outbox on a Redis Stream (`<prefix>outbox`, field `event`, sealed JSON as RedisReportStore writes it) with one
 * consumer group per notifier. Groups are created at id 0, so events filed before a worker first ran are delivered
 * too. `read` first XAUTOCLAIMs entries idle longer than `claimIdleMs` (a worker died mid-delivery, or a retry is
 * due), then XREADGROUPs new ones, blocking on a connection of its own per group so one group's wait never delays
 * another's. Attempts are the pending entry's delivery count, which XREADGROUP and XAUTOCLAIM raise by one.
 * Dead letters go to `<prefix>outbox:dead`. With Redis Cluster, put a hash tag in the prefix ("{heard}:").
 */
export class RedisOutbox implements Outbox {
  private readonly blocking = new Map<string, RedisClient>();
  private readonly groupsReady = new Set<string>();
  /** Where the next XAUTOCLAIM of each group continues its scan of the pending entries. */
  private readonly claimCursor = new Map<string, string>();
  private closed = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly sealer: TextSealer,
  ) {}

  private get stream() {
    return `${this.prefix}outbox`;
  }
  private get deadStream() {
    return `${this.prefix}outbox:dead`;
  }

  async read(
    group: string,
    consumer: string,
    opts: { count: number; blockMs: number; claimIdleMs: number },
  ): Promise<OutboxDelivery[]> {
    try {
      await this.ensureGroup(group);
      const claimed = await this.claimIdle(group, consumer, opts.count, opts.claimIdleMs);
      const room = opts.count - claimed.length;
      if (room <= 0) return claimed;
      // Only wait for new entries when there is nothing to hand out already; only a wait needs its own connection.
      const blockMs = claimed.length > 0 ? 0 : opts.blockMs;
      const conn = blockMs > 0 ? await this.blockingFor(group) : this.redis;
      return [...claimed, ...(await this.readNew(conn, group, consumer, room, blockMs))];
    } catch (err) {
      if (/NOGROUP/.test(String(err))) this.groupsReady.delete(group); // the stream was deleted: recreate next time
      throw new StoreUnavailable('Redis outbox is unavailable', { cause: err });
    }
  }

  async ack(group: string, deliveryId: string): Promise<void> {
    await this.guard(() => this.redis.xack(this.stream, group, deliveryId));
  }

  async deadLetter(group: string, delivery: OutboxDelivery, reason: string): Promise<void> {
    await this.moveToDead(
      group,
      delivery.deliveryId,
      sealJson(this.sealer, delivery.event, OUTBOX_CONTEXT),
      reason,
      delivery.attempts,
    );
  }

  /** Newest first. Entries that cannot be opened are skipped here; they stay in the stream for an operator. */
  async deadLetters(limit: number): Promise<DeadLetter[]> {
    const entries = (await this.guard(() =>
      this.redis.xrevrange(this.deadStream, '+', '-', 'COUNT', limit),
    )) as StreamEntry[];
    const out: DeadLetter[] = [];
    for (const [, fields] of entries) {
      const f = fieldMap(fields);
      try {
        out.push({ event: this.open(f.event ?? ''), reason: f.reason ?? '', group: f.group ?? '' });
      } catch {
        continue;
      }
    }
    return out;
  }

  async retryLater(
    group: string,
    consumer: string,
    deliveryId: string,
    opts: { delayMs: number; claimIdleMs: number },
  ): Promise<void> {
    // Back-dates the entry's idle time so XAUTOCLAIM picks it up after `delayMs`; JUSTID leaves the delivery
    // count alone, so only real deliveries count as attempts.
    const idle = Math.max(0, Math.round(opts.claimIdleMs - opts.delayMs));
    await this.guard(() =>
      this.redis.call('XCLAIM', this.stream, group, consumer, 0, deliveryId, 'IDLE', idle, 'JUSTID'),
    );
  }

  /** Closes the blocking connections (a blocked read fails at once); the shared connection is the caller's. */
  async close(): Promise<void> {
    this.closed = true;
    for (const conn of this.blocking.values()) conn.disconnect();
    this.blocking.clear();
  }

  private async ensureGroup(group: string): Promise<void> {
    if (this.groupsReady.has(group)) return;
    try {
      await this.redis.xgroup('CREATE', this.stream, group, '0', 'MKSTREAM');
    } catch (err) {
      if (!/BUSYGROUP/.test(String(err))) throw err;
    }
    this.groupsReady.add(group);
  }

  private async claimIdle(
    group: string,
    consumer: string,
    count: number,
    claimIdleMs: number,
  ): Promise<OutboxDelivery[]> {
    const cursor = this.claimCursor.get(group) ?? '0-0';
    const [next, entries] = (await this.redis.xautoclaim(
      this.stream,
      group,
      consumer,
      claimIdleMs,
      cursor,
      'COUNT',
      count,
    )) as [string, StreamEntry[]];
    this.claimCursor.set(group, next);
    const live = entries.filter((e): e is [string, string[]] => e[1] !== null);
    if (live.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const [id] of live) pipe.xpending(this.stream, group, id, id, 1);
    const counts = (await pipe.exec()) ?? [];
    return this.toDeliveries(
      group,
      live,
      live.map((_, i) => {
        const row = (counts[i]?.[1] as [string, string, number, number][] | undefined)?.[0];
        return row ? Number(row[3]) : 1;
      }),
    );
  }

  private async readNew(
    conn: RedisClient,
    group: string,
    consumer: string,
    count: number,
    blockMs: number,
  ): Promise<OutboxDelivery[]> {
    const block = blockMs > 0 ? ['BLOCK', blockMs] : [];
    const reply = (await conn.xreadgroup(
      'GROUP',
      group,
      consumer,
      'COUNT',
      count,
      ...(block as ['BLOCK', number]),
      'STREAMS',
      this.stream,
      '>',
    )) as [string, StreamEntry[]][] | null;
    const entries = (reply?.[0]?.[1] ?? []).filter((e): e is [string, string[]] => e[1] !== null);
    return this.toDeliveries(
      group,
      entries,
      entries.map(() => 1),
    );
  }

  /** Opens each entry; one that cannot be opened (corrupt, wrong key) is dead-lettered at once instead of blocking. */
  private async toDeliveries(
    group: string,
    entries: [string, string[]][],
    attempts: number[],
  ): Promise<OutboxDelivery[]> {
    const out: OutboxDelivery[] = [];
    for (const [i, [id, fields]] of entries.entries()) {
      const raw = fieldMap(fields).event ?? '';
      try {
        out.push({ deliveryId: id, event: this.open(raw), attempts: attempts[i] });
      } catch (err) {
        await this.moveToDead(
          group,
          id,
          raw,
          `undecodable: ${err instanceof Error ? err.message : String(err)}`,
          attempts[i],
        );
      }
    }
    return out;
  }

  private async moveToDead(
    group: string,
    deliveryId: string,
    rawEvent: string,
    reason: string,
    attempts: number,
  ): Promise<void> {
    const fields = [
      'event',
      rawEvent,
      'group',
      group,
      'reason',
      reason,
      'entryId',
      deliveryId,
      'attempts',
      String(attempts),
      'at',
      new Date().toISOString(),
    ];
    await this.guard(() =>
      this.redis
        .multi()
        .xadd(this.deadStream, '*', ...fields)
        .xack(this.stream, group, deliveryId)
        .exec(),
    );
  }

  private open(raw: string): OutboxEvent {
    return openJson(this.sealer, raw, OUTBOX_CONTEXT, outboxEventSchema);
  }

  private async blockingFor(group: string): Promise<RedisClient> {
    if (this.closed) throw new Error('outbox closed');
    let conn = this.blocking.get(group);
    if (!conn) {
      conn = this.redis instanceof Cluster ? this.redis.duplicate() : this.redis.duplicate();
      // The shared connection's owner logs connection trouble; failed commands reach the worker as errors.
      conn.on('error', () => undefined);
      this.blocking.set(group, conn);
    }
    if (!(await whenReady(conn, 2000))) throw new Error('blocking connection is not ready');
    return conn;
  }

  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      throw new StoreUnavailable('Redis outbox is unavailable', { cause: err });
    }
  }
}

function fieldMap(fields: string[] | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; fields && i + 1 < fields.length; i += 2) out[fields[i]] = fields[i + 1];
  return out;
}
