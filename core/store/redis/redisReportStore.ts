import { LRUCache } from 'lru-cache';
import { matchesFilter } from '../../cases/reportFilter';
import { OutboxEvent, Report, ReportFilter, ReportNotFound, ReportStore, reportSchema } from '../../cases/types';
import { OUTBOX_CONTEXT, openJson, sealJson } from '../../cases/sealedJson';
import { TextSealer } from '../../privacy/textSealer';
import { StoreUnavailable } from '../types';
import { RedisClient } from './redisConnection';

// Report, receipt index, listing index and outbox event in one atomic step; a second create of the same id (a
// spooled report replayed) changes nothing. With Redis Cluster, put a hash tag in the prefix ("{heard}:").
const CREATE = `
if not redis.call('SET', KEYS[1], ARGV[1], 'NX') then return 0 end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
redis.call('XADD', KEYS[4], '*', 'event', ARGV[4])
return 1
`;
const REPLACE_IF_UNCHANGED = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1
`;
const PAGE = 500;
/** Opened reports kept for the queue's repeated reads; enough for the open caseload of a national service. */
const OPENED_MAX = 5000;

/**
 * Reports in Redis: one sealed JSON document per report (encrypted at rest, bound to its id), parsed with the
 * same zod schema on the way out as on the way in. The outbox event is sealed too. Open reports have no TTL on purpose (a concern must not expire while open); closed ones are removed by the
 * worker's retention purge.
 *
 * Listing opens every report it looks at, and monitoring staff's queue is read again and again while it barely
 * changes; so the last opened form of each report is kept in process, keyed by the exact sealed text it came from.
 * Any change (here or in another process) reseals with a new IV, which misses the cache: nothing stale is served.
 */
export class RedisReportStore implements ReportStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly sealer: TextSealer,
  ) {}

  private seal = (report: Report) => sealJson(this.sealer, reportSchema.parse(report), `report:${report.id}`);
  private open = (id: string, raw: string) => openJson(this.sealer, raw, `report:${id}`, reportSchema);

  private readonly opened = new LRUCache<string, { raw: string; report: Report }>({ max: OPENED_MAX });

  private reportKey = (id: string) => `${this.prefix}report:${id}`;
  private receiptKey = (hash: string) => `${this.prefix}receipt:${hash}`;
  private get indexKey() {
    return `${this.prefix}reports`;
  }

  async create(report: Report, event: OutboxEvent): Promise<void> {
    const json = this.seal(report);
    await this.guard(() =>
      this.redis.eval(
        CREATE,
        4,
        this.reportKey(report.id),
        this.receiptKey(report.receiptHash),
        this.indexKey,
        `${this.prefix}outbox`,
        json,
        report.id,
        String(Date.parse(report.createdAt)),
        sealJson(this.sealer, event, OUTBOX_CONTEXT),
      ),
    );
  }

  async get(id: string): Promise<Report | undefined> {
    const raw = await this.guard(() => this.redis.get(this.reportKey(id)));
    return raw ? this.open(id, raw) : undefined;
  }

  async findByReceiptHash(hash: string): Promise<Report | undefined> {
    const id = await this.guard(() => this.redis.get(this.receiptKey(hash)));
    return id ? this.get(id) : undefined;
  }

  async update(id: string, change: (current: Report) => Report): Promise<Report> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const raw = await this.guard(() => this.redis.get(this.reportKey(id)));
      if (!raw) throw new ReportNotFound(id);
      const next = reportSchema.parse(change(this.open(id, raw)));
      const done = await this.guard(() => this.redis.eval(REPLACE_IF_UNCHANGED, 1, this.reportKey(id), raw, this.seal(next)));
      if (done === 1) return next;
    }
    throw new StoreUnavailable(`report ${id} kept changing under concurrent updates`);
  }

  async list(filter: ReportFilter): Promise<Report[]> {
    const limit = filter.limit ?? 1000;
    const out: Report[] = [];
    for (let start = 0; out.length < limit; start += PAGE) {
      const ids = await this.guard(() => this.redis.zrevrange(this.indexKey, start, start + PAGE - 1));
      if (ids.length === 0) break;
      const raws = await this.guard(() => this.redis.mget(...ids.map(this.reportKey)));
      for (const [i, raw] of raws.entries()) {
        if (!raw) continue;
        const report = this.openListed(ids[i], raw);
        // Callers get their own copy, so nothing they change leaks into the cache or a later list.
        if (matchesFilter(report, filter)) out.push(structuredClone(report));
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  async purgeClosedBefore(before: Date): Promise<number> {
    let purged = 0;
    for (const report of await this.list({ status: ['closed'], limit: Number.MAX_SAFE_INTEGER })) {
      if (!report.closedAt || new Date(report.closedAt) >= before) continue;
      await this.guard(() =>
        this.redis.multi().del(this.reportKey(report.id), this.receiptKey(report.receiptHash)).zrem(this.indexKey, report.id).exec(),
      );
      this.opened.delete(report.id);
      purged++;
    }
    return purged;
  }

  /** `open` through the cache; the report returned is the cached one, to be copied before it leaves. */
  private openListed(id: string, raw: string): Report {
    const hit = this.opened.get(id);
    if (hit?.raw === raw) return hit.report;
    const report = this.open(id, raw);
    this.opened.set(id, { raw, report });
    return report;
  }

  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      if (err instanceof ReportNotFound) throw err;
      throw new StoreUnavailable('Redis report store is unavailable', { cause: err });
    }
  }
}
