import { Outbox, OutboxDelivery, OutboxEvent } from '../../cases/types';
import { MemoryEventLog } from './memoryEventLog';

interface Pending {
  consumer: string;
  /** When it was last handed out; `now - deliveredAt` is its idle time, as in a Redis pending entries list. */
  deliveredAt: number;
  count: number;
}

interface Group {
  lastSeq: number;
  pending: Map<number, Pending>;
}

/**
 * The outbox over a MemoryEventLog, with the semantics of Redis Streams consumer groups so the worker behaves the
 * same on both: each group sees every event; a read entry stays pending until acked; entries idle longer than
 * `claimIdleMs` are claimed by the next read (counting one more delivery); a new group starts at the beginning.
 */
export class MemoryOutbox implements Outbox {
  private readonly groups = new Map<string, Group>();
  private readonly dead: { event: OutboxEvent; reason: string; group: string }[] = [];
  private closed = false;

  constructor(
    private readonly log: MemoryEventLog,
    private readonly now: () => number = Date.now,
  ) {}

  async read(
    group: string,
    consumer: string,
    opts: { count: number; blockMs: number; claimIdleMs: number },
  ): Promise<OutboxDelivery[]> {
    const g = this.group(group);
    const out = this.claimIdle(group, consumer, opts.count, opts.claimIdleMs);
    if (out.length > 0) return [...out, ...this.readNew(g, consumer, opts.count - out.length)];
    const fresh = this.readNew(g, consumer, opts.count);
    if (fresh.length > 0 || this.closed || opts.blockMs <= 0) return fresh;
    await this.log.waitForAppend(opts.blockMs);
    return this.closed ? [] : this.readNew(g, consumer, opts.count);
  }

  async ack(group: string, deliveryId: string): Promise<void> {
    this.group(group).pending.delete(Number(deliveryId));
  }

  async deadLetter(group: string, delivery: OutboxDelivery, reason: string): Promise<void> {
    this.dead.push({ event: structuredClone(delivery.event), reason, group });
    await this.ack(group, delivery.deliveryId);
  }

  /** Newest first. */
  async deadLetters(limit: number): Promise<{ event: OutboxEvent; reason: string; group: string }[]> {
    return this.dead
      .slice(-limit)
      .reverse()
      .map((d) => structuredClone(d));
  }

  async retryLater(
    group: string,
    consumer: string,
    deliveryId: string,
    opts: { delayMs: number; claimIdleMs: number },
  ): Promise<void> {
    const p = this.group(group).pending.get(Number(deliveryId));
    if (!p) return;
    p.consumer = consumer;
    p.deliveredAt = this.now() - Math.max(0, opts.claimIdleMs - opts.delayMs);
  }

  /** Ends blocked reads at once; the worker is stopping. */
  close(): void {
    this.closed = true;
    this.log.wakeAll();
  }

  private group(name: string): Group {
    let g = this.groups.get(name);
    if (!g) {
      g = { lastSeq: 0, pending: new Map() };
      this.groups.set(name, g);
    }
    return g;
  }

  private claimIdle(group: string, consumer: string, count: number, claimIdleMs: number): OutboxDelivery[] {
    const now = this.now();
    const out: OutboxDelivery[] = [];
    const pending = this.group(group).pending;
    for (const seq of [...pending.keys()].sort((a, b) => a - b)) {
      if (out.length >= count) break;
      const p = pending.get(seq)!;
      if (now - p.deliveredAt < claimIdleMs) continue;
      const entry = this.log.at(seq);
      if (!entry) continue;
      Object.assign(p, { consumer, deliveredAt: now, count: p.count + 1 });
      out.push({ deliveryId: String(seq), event: entry.event, attempts: p.count });
    }
    return out;
  }

  private readNew(g: Group, consumer: string, count: number): OutboxDelivery[] {
    if (count <= 0) return [];
    const now = this.now();
    return this.log.after(g.lastSeq, count).map(({ seq, event }) => {
      g.lastSeq = seq;
      g.pending.set(seq, { consumer, deliveredAt: now, count: 1 });
      return { deliveryId: String(seq), event, attempts: 1 };
    });
  }
}
