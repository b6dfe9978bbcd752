import { z } from 'zod';

/** A Direct Line conversation as the server keeps it: which device and facility, nothing about the child. */
export const conversationRecordSchema = z.object({
  id: z.string().min(1).max(64),
  deviceId: z.string().min(1).max(80),
  facilityId: z.string().min(1).max(64),
  locale: z.string().max(32).optional(),
  startedAt: z.iso.datetime(),
});
export type ConversationRecord = z.infer<typeof conversationRecordSchema>;

/** How long a conversation and its activities are kept after its last activity. */
export const CONVERSATION_LOG_TTL_MS = 60 * 60_000;

/**
 * The server side of Direct Line's activity log, kept briefly (a TTL renewed on every append). Entries are opaque
 * strings: the caller seals them. Memory and Redis adapters; a watermark is the number of entries read so far.
 */
export interface ConversationLog {
  /** Stores a new conversation; false if this id exists or has ended (an ended id never starts again). */
  create(record: ConversationRecord): Promise<boolean>;
  /** The live conversation, or undefined if unknown, expired or ended. */
  get(id: string): Promise<ConversationRecord | undefined>;
  /** Appends an entry; its index, or undefined if the conversation is not live. */
  append(id: string, entry: string): Promise<number | undefined>;
  /** Entries from index `from`; `next` is the watermark to ask with next time. */
  read(id: string, from: number): Promise<{ entries: string[]; next: number }>;
  /** Drops the log at once and remembers that the id ended. */
  end(id: string): Promise<void>;
}
