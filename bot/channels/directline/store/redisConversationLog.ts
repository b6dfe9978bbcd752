import type { RedisClient } from '../../../../core/store/redis/redisConnection';
import { StoreUnavailable } from '../../../../core/store/types';
import {
  ConversationLog,
  ConversationRecord,
  conversationRecordSchema,
  CONVERSATION_LOG_TTL_MS,
} from './conversationLog';

const ENDED = 'ended';

// Append only to a live conversation, and renew both keys' TTL in the same step.
const APPEND = `
local r = redis.call('GET', KEYS[1])
if not r or r == '${ENDED}' then return -1 end
local n = redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return n - 1
`;

/** Direct Line logs in Redis: `dl:conv:<id>` (the record, or "ended") and `dl:log:<id>` (a list), both with a TTL. */
export class RedisConversationLog implements ConversationLog {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly ttlMs = CONVERSATION_LOG_TTL_MS,
  ) {}

  async create(record: ConversationRecord): Promise<boolean> {
    const value = JSON.stringify(conversationRecordSchema.parse(record));
    return (
      (await this.guard(() => this.redis.set(this.recordKey(record.id), value, 'PX', this.ttlMs, 'NX'))) ===
      'OK'
    );
  }

  async get(id: string): Promise<ConversationRecord | undefined> {
    const raw = await this.guard(() => this.redis.get(this.recordKey(id)));
    return raw && raw !== ENDED ? conversationRecordSchema.parse(JSON.parse(raw)) : undefined;
  }

  async append(id: string, entry: string): Promise<number | undefined> {
    const index = Number(
      await this.guard(() =>
        this.redis.eval(APPEND, 2, this.recordKey(id), this.logKey(id), entry, String(this.ttlMs)),
      ),
    );
    return index >= 0 ? index : undefined;
  }

  async read(id: string, from: number): Promise<{ entries: string[]; next: number }> {
    const entries = await this.guard(() => this.redis.lrange(this.logKey(id), from, -1));
    return { entries, next: from + entries.length };
  }

  async end(id: string): Promise<void> {
    await this.guard(() =>
      this.redis.multi().set(this.recordKey(id), ENDED, 'PX', this.ttlMs).del(this.logKey(id)).exec(),
    );
  }

  private recordKey(id: string) {
    return `${this.prefix}dl:conv:${id}`;
  }

  private logKey(id: string) {
    return `${this.prefix}dl:log:${id}`;
  }

  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      throw new StoreUnavailable('Redis Direct Line log is unavailable', { cause: err });
    }
  }
}
