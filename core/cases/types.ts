import { z } from 'zod';
import { categorySchema, riskLevelSchema } from '../triage/types';

export const REPORT_KINDS = ['concern', 'complaint'] as const;
export const REPORT_STATUSES = ['new', 'acknowledged', 'in_progress', 'referred', 'visit_planned', 'closed'] as const;
export const reportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof reportStatusSchema>;

/** Original text, encrypted with AES-256-GCM; `keyId` names the key version for rotation. */
export const sealedTextSchema = z.object({
  keyId: z.string().min(1),
  iv: z.string().min(1),
  tag: z.string().min(1),
  data: z.string(),
});
export type SealedText = z.infer<typeof sealedTextSchema>;

export const noteSchema = z.object({
  at: z.iso.datetime(),
  actor: z.string().min(1),
  /** internal: staff only; reply: read by the child with their receipt code; status: the note of a status change */
  kind: z.enum(['internal', 'reply', 'status']),
  text: z.string().min(1).max(5000),
  status: reportStatusSchema.optional(),
});
export type Note = z.infer<typeof noteSchema>;

/** A complaint or a concern. Stored as one JSON document; parsed with this schema when read back. */
export const reportSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(REPORT_KINDS),
  risk: riskLevelSchema,
  categories: z.array(categorySchema),
  /** Complaint topic (a service area of the standards), when the child chose one. */
  topic: z.string().optional(),
  reasons: z.array(z.string()),
  status: reportStatusSchema,
  facilityId: z.string().optional(),
  locale: z.string(),
  channelId: z.string(),
  pseudonym: z.string().min(1),
  createdAt: z.iso.datetime(),
  /** When the next step is due under the SLA of its risk level (acknowledge, then answer). */
  dueAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().optional(),
  closedAt: z.iso.datetime().optional(),
  /** HMAC of the receipt code: the code itself is shown to the child once and never stored. */
  receiptHash: z.string().min(1),
  redactedText: z.string(),
  original: sealedTextSchema.optional(),
  wantsReply: z.boolean(),
  assignee: z.string().optional(),
  notes: z.array(noteSchema),
  /** Sealed Bot Framework conversation reference, kept only when the child asked for a reply. */
  conversationRef: sealedTextSchema.optional(),
});
export type Report = z.infer<typeof reportSchema>;

/** What the outbox carries to notifiers; only redacted text, never the original. */
export const outboxEventSchema = z.object({
  id: z.string().min(1),
  type: z.enum(['report.created', 'report.updated']),
  reportId: z.string().min(1),
  risk: riskLevelSchema,
  kind: z.enum(REPORT_KINDS),
  categories: z.array(categorySchema),
  facilityId: z.string().optional(),
  locale: z.string(),
  redactedText: z.string(),
  createdAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
});
export type OutboxEvent = z.infer<typeof outboxEventSchema>;

export interface ReportFilter {
  status?: ReportStatus[] | 'open';
  risk?: z.infer<typeof riskLevelSchema>[];
  category?: string;
  facilityIds?: string[];
  locale?: string;
  from?: string;
  to?: string;
  limit?: number;
}

/** The reports port. `create` writes the report and its outbox event atomically: both or neither. */
export interface ReportStore {
  create(report: Report, event: OutboxEvent): Promise<void>;
  get(id: string): Promise<Report | undefined>;
  findByReceiptHash(hash: string): Promise<Report | undefined>;
  /** Applies `change` to the current report under optimistic concurrency, retrying on a concurrent write. */
  update(id: string, change: (current: Report) => Report): Promise<Report>;
  list(filter: ReportFilter): Promise<Report[]>;
  /** Permanently removes reports closed before `before`; returns how many. */
  purgeClosedBefore(before: Date): Promise<number>;
}

/** The outbox port: a durable log of events consumed at least once by notifier workers. */
export interface Outbox {
  /** Reads new events for a consumer of a group; claims events idle longer than `claimIdleMs` first. */
  read(group: string, consumer: string, opts: { count: number; blockMs: number; claimIdleMs: number }): Promise<OutboxDelivery[]>;
  ack(group: string, deliveryId: string): Promise<void>;
  /** Moves an event that failed too often to the dead-letter log and acks it. */
  deadLetter(group: string, delivery: OutboxDelivery, reason: string): Promise<void>;
  deadLetters(limit: number): Promise<{ event: OutboxEvent; reason: string; group: string }[]>;
  /**
   * Gives a failed delivery back without acking it: it stays pending (so a crash loses nothing) and `read` claims it
   * again once `delayMs` has passed, at most `claimIdleMs` (the idle time after which `read` claims entries).
   */
  retryLater?(group: string, consumer: string, deliveryId: string, opts: { delayMs: number; claimIdleMs: number }): Promise<void>;
}

export interface OutboxDelivery {
  /** Stream entry id (Redis) or sequence (memory): what `ack` takes. */
  deliveryId: string;
  event: OutboxEvent;
  /** How many times this event was delivered to the group, this delivery included. */
  attempts: number;
}

export class ReportNotFound extends Error {
  constructor(readonly id: string) {
    super(`No report ${id}`);
    this.name = new.target.name;
  }
}
