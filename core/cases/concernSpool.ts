import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { TextSealer } from '../privacy/textSealer';
import { openJson, sealJson } from './sealedJson';
import { OutboxEvent, outboxEventSchema, Report, ReportStore, reportSchema } from './types';

const entrySchema = z.object({ report: reportSchema, event: outboxEventSchema });
const SPOOL_CONTEXT = 'spool';

/**
 * The last line of defence for "a concern is never lost": when the store is down, the report and its outbox
 * event are appended to a local file and fsynced before the child is told it was sent; `replay` files them when
 * the store is back (creating twice is harmless: the store ignores a known id).
 */
export class ConcernSpool {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly sealer: TextSealer,
  ) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  }

  /** Appends durably (fsync); resolves only once the entry is on disk. */
  append(report: Report, event: OutboxEvent): Promise<void> {
    // Sealed like everything else at rest; one line per entry.
    return this.serial(() => this.write(this.file, [sealJson(this.sealer, { report, event }, SPOOL_CONTEXT)]));
  }

  /** How many entries wait to be replayed. */
  pending(): number {
    if (!existsSync(this.file)) return 0;
    return readFileSync(this.file, 'utf8').split('\n').filter(Boolean).length;
  }

  /** Files every spooled entry into the store; entries that still fail stay spooled. Returns how many went in. */
  replay(store: ReportStore): Promise<number> {
    return this.serial(async () => {
      if (!existsSync(this.file)) return 0;
      const working = `${this.file}.replaying`;
      renameSync(this.file, working);
      const lines = readFileSync(working, 'utf8').split('\n').filter(Boolean);
      const failed: string[] = [];
      let filed = 0;
      for (const line of lines) {
        const entry = this.readEntry(line);
        if (!entry) continue; // a torn last line from a crash mid-write: nothing acknowledged it
        try {
          await store.create(entry.report, entry.event);
          filed++;
        } catch {
          failed.push(line);
        }
      }
      if (failed.length) this.write(this.file, failed);
      rmSync(working);
      return filed;
    });
  }

  private readEntry(line: string): { report: Report; event: OutboxEvent } | undefined {
    try {
      return openJson(this.sealer, line, SPOOL_CONTEXT, entrySchema);
    } catch {
      return undefined;
    }
  }

  private write(file: string, lines: string[]): void {
    const fd = openSync(file, 'a', 0o600);
    try {
      writeSync(fd, lines.map((l) => `${l}\n`).join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  private serial<T>(op: () => T | Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
