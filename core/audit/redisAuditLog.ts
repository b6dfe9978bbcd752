import type { RedisClient } from '../store/redis/redisConnection';
import { StoreUnavailable } from '../store/types';
import { AuditEntry, auditEntrySchema, AuditInput, auditInputSchema, AuditLog, AuditQuery, matchesAudit } from './types';

const PAGE = 500;

/**
 * The audit log on a Redis stream, `${prefix}audit`: XADD only, never trimmed by us. The stream entry id is the
 * entry's id; entries are parsed with the same zod schema on the way out.
 */
export class RedisAuditLog implements AuditLog {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  private get key() {
    return `${this.prefix}audit`;
  }

  async append(input: AuditInput): Promise<AuditEntry> {
    const parsed = auditInputSchema.parse(input);
    const id = await this.guard(() => this.redis.xadd(this.key, '*', 'entry', JSON.stringify(parsed)));
    return { ...parsed, id: id as string };
  }

  async list(q: AuditQuery): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    // '(' makes the bound exclusive (Redis 6.2+), so paging never repeats an entry.
    let end = q.before ? `(${q.before}` : '+';
    while (out.length < q.limit) {
      const page = await this.guard(() => this.redis.xrevrange(this.key, end, '-', 'COUNT', PAGE));
      for (const [id, fields] of page) {
        const entry = auditEntrySchema.parse({ ...JSON.parse(fields[1]), id });
        if (matchesAudit(entry, q)) out.push(entry);
        if (out.length >= q.limit) break;
      }
      if (page.length < PAGE) break;
      end = `(${page[page.length - 1][0]}`;
    }
    return out;
  }

  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      throw new StoreUnavailable('Redis audit log is unavailable', { cause: err });
    }
  }
}
