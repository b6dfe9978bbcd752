import {
  ConversationLog,
  ConversationRecord,
  conversationRecordSchema,
  CONVERSATION_LOG_TTL_MS,
} from './conversationLog';

interface Entry {
  record?: string;
  entries: string[];
  expiresAt: number;
}

/** Direct Line logs in process memory (embedded default, tests); expired ones are swept now and then. */
export class MemoryConversationLog implements ConversationLog {
  private readonly conversations = new Map<string, Entry>();
  private lastSweep = 0;

  constructor(
    private readonly ttlMs = CONVERSATION_LOG_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async create(record: ConversationRecord): Promise<boolean> {
    this.sweep();
    if (this.live(record.id)) return false;
    this.conversations.set(record.id, {
      record: JSON.stringify(conversationRecordSchema.parse(record)),
      entries: [],
      expiresAt: this.now() + this.ttlMs,
    });
    return true;
  }

  async get(id: string): Promise<ConversationRecord | undefined> {
    const entry = this.live(id);
    return entry?.record ? conversationRecordSchema.parse(JSON.parse(entry.record)) : undefined;
  }

  async append(id: string, item: string): Promise<number | undefined> {
    const entry = this.live(id);
    if (!entry?.record) return undefined;
    entry.entries.push(item);
    entry.expiresAt = this.now() + this.ttlMs;
    return entry.entries.length - 1;
  }

  async read(id: string, from: number): Promise<{ entries: string[]; next: number }> {
    const entries = this.live(id)?.entries ?? [];
    return { entries: entries.slice(from), next: Math.max(from, entries.length) };
  }

  async end(id: string): Promise<void> {
    // The tombstone lives as long as a conversation token can, so the id cannot be started again.
    this.conversations.set(id, { entries: [], expiresAt: this.now() + this.ttlMs });
  }

  private live(id: string): Entry | undefined {
    const entry = this.conversations.get(id);
    if (entry && entry.expiresAt <= this.now()) {
      this.conversations.delete(id);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    if (this.now() - this.lastSweep < 60_000) return;
    this.lastSweep = this.now();
    for (const id of this.conversations.keys()) this.live(id);
  }
}
