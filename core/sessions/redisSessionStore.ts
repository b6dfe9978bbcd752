import type { RedisClient } from '../store/redis/redisConnection';
import { StoreUnavailable } from '../store/types';
import { ABSOLUTE_MS } from './sessionPolicy';
import { msLeft, Session, sessionEnded, sessionSchema, SessionStore } from './types';

/**
 * Sessions in Redis: one key per session whose TTL is the time left (idle or absolute, whichever comes first), and a
 * set per user so every session of a user can be ended at once. Touches are last-writer-wins, which is harmless
 * here: both writers only move the idle limit forward.
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {}

  private key = (id: string) => `${this.prefix}session:${id}`;
  private userKey = (userId: string) => `${this.prefix}user-sessions:${userId}`;

  async create(session: Session): Promise<void> {
    const s = sessionSchema.parse(session);
    const ttl = msLeft(s, this.now());
    if (ttl <= 0) return;
    await this.guard(() =>
      this.redis
        .multi()
        .set(this.key(s.id), JSON.stringify(s), 'PX', ttl)
        .sadd(this.userKey(s.userId), s.id)
        // The set outlives every session in it: each create pushes its expiry to the longest a session can last.
        .pexpire(this.userKey(s.userId), Math.max(ABSOLUTE_MS, Date.parse(s.absoluteExpiresAt) - this.now()))
        .exec(),
    );
  }

  async get(id: string): Promise<Session | undefined> {
    const raw = await this.guard(() => this.redis.get(this.key(id)));
    if (!raw) return undefined;
    const s = sessionSchema.parse(JSON.parse(raw));
    return sessionEnded(s, this.now()) ? undefined : s;
  }

  async update(id: string, change: (current: Session) => Session): Promise<Session | undefined> {
    const current = await this.get(id);
    if (!current) return undefined;
    const next = sessionSchema.parse({ ...change(current), id, userId: current.userId });
    const ttl = msLeft(next, this.now());
    if (ttl <= 0) {
      await this.delete(id);
      return undefined;
    }
    // XX: an update never resurrects a session that was deleted (signed out) in the meantime.
    const done = await this.guard(() => this.redis.set(this.key(id), JSON.stringify(next), 'PX', ttl, 'XX'));
    return done ? next : undefined;
  }

  async delete(id: string): Promise<void> {
    await this.guard(() => this.redis.del(this.key(id)));
  }

  async deleteForUser(userId: string): Promise<number> {
    const ids = await this.guard(() => this.redis.smembers(this.userKey(userId)));
    if (ids.length === 0) return 0;
    const removed = await this.guard(() => this.redis.del(...ids.map(this.key)));
    await this.guard(() => this.redis.del(this.userKey(userId)));
    return removed;
  }

  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      throw new StoreUnavailable('Redis session store is unavailable', { cause: err });
    }
  }
}
