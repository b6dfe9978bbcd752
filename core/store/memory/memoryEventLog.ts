import { OutboxEvent, outboxEventSchema } from '../../cases/types';

export interface LoggedEvent {
  /** Position in the log, from 1: what the memory outbox hands out as a delivery id. */
  seq: number;
  event: OutboxEvent;
}

/**
 * The in-memory counterpart of the Redis outbox stream: an append-only list of events that the memory report store
 * writes to and the memory outbox reads from. Events are copied in and out so no reader can change what was filed.
 */
export class MemoryEventLog {
  private readonly entries: LoggedEvent[] = [];
  private readonly waiters = new Set<() => void>();

  append(event: OutboxEvent): void {
    this.entries.push({
      seq: this.entries.length + 1,
      event: outboxEventSchema.parse(structuredClone(event)),
    });
    this.wakeAll();
  }

  /** Entries with a sequence above `afterSeq`, oldest first, at most `limit`. */
  after(afterSeq: number, limit: number): LoggedEvent[] {
    return this.entries
      .slice(afterSeq, afterSeq + limit)
      .map((e) => ({ seq: e.seq, event: structuredClone(e.event) }));
  }

  /** The entry at `seq`, if any. */
  at(seq: number): LoggedEvent | undefined {
    const e = this.entries[seq - 1];
    return e && { seq: e.seq, event: structuredClone(e.event) };
  }

  /** Resolves at the next append, or after `ms`, or at `wakeAll`, whichever comes first (a blocking read). */
  waitForAppend(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
    });
  }

  /** Ends every pending wait now (shutdown). */
  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
