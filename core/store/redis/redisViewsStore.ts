import { z } from 'zod';
import { VIEW_AGE_BANDS, ViewAnswer, ViewCell, ViewCount, ViewsStore, emptyCounts } from '../../views/types';
import { StoreUnavailable } from '../types';
import { RedisClient } from './redisConnection';

// Marks the child as counted for this question and month, and counts the answer, in one step.
const RECORD = `
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then return 0 end
redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
return 1
`;
const SEEN_TTL_S = 40 * 86_400;
const fieldSchema = z.tuple([z.string().min(1), z.string().min(1), z.enum(VIEW_AGE_BANDS), z.enum(['1', '2', '3', '4', '5', 'skip'])]);

/**
 * Views as Redis hashes: `views:<month>` holds one counter per facility × question × age band × answer.
 * Aggregates have no TTL on purpose: they are the published statistics and hold nothing about one child.
 */
export class RedisViewsStore implements ViewsStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  async record(cell: ViewCell, answer: ViewAnswer, once: string): Promise<boolean> {
    const field = [cell.facilityId, cell.questionId, cell.ageBand, String(answer)].join('|');
    try {
      const counted = await this.redis.eval(RECORD, 2, `${this.prefix}views:seen:${cell.month}:${once}`, `${this.prefix}views:${cell.month}`, field, String(SEEN_TTL_S));
      return counted === 1;
    } catch (err) {
      throw new StoreUnavailable('Redis views store is unavailable', { cause: err });
    }
  }

  async counts(month: string, facilityId?: string): Promise<ViewCount[]> {
    let hash: Record<string, string>;
    try {
      hash = await this.redis.hgetall(`${this.prefix}views:${month}`);
    } catch (err) {
      throw new StoreUnavailable('Redis views store is unavailable', { cause: err });
    }
    const cells = new Map<string, ViewCount>();
    for (const [field, value] of Object.entries(hash)) {
      const [facility, questionId, ageBand, answer] = fieldSchema.parse(field.split('|'));
      if (facilityId && facility !== facilityId) continue;
      const key = `${facility}|${questionId}|${ageBand}`;
      const cell = cells.get(key) ?? { facilityId: facility, questionId, month, ageBand, counts: emptyCounts() };
      cell.counts[answer] += Number(value);
      cells.set(key, cell);
    }
    return [...cells.values()];
  }
}
