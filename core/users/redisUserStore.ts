import { createHash } from 'node:crypto';
import { openJson, sealJson } from '../cases/sealedJson';
import { TextSealer } from '../privacy/textSealer';
import type { RedisClient } from '../store/redis/redisConnection';
import { StoreUnavailable } from '../store/types';
import { normaliseEmail, StaffUser, staffUserSchema, UserExists, UserNotFound, UserStore } from './types';

// The email index and the user document in one step, so two admins creating the same email cannot both win.
const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
if not redis.call('SET', KEYS[2], ARGV[1], 'NX') then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
`;
const REPLACE_IF_UNCHANGED = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1
`;

/**
 * Staff users in Redis: one sealed document per user (it holds the TOTP secret and the password hash), an email
 * index keyed by a hash of the email, and a set of ids. Read back through the same zod schema.
 */
export class RedisUserStore implements UserStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly sealer: TextSealer,
  ) {}

  private userKey = (id: string) => `${this.prefix}user:${id}`;
  private emailKey = (email: string) => `${this.prefix}user-email:${createHash('sha256').update(normaliseEmail(email)).digest('hex')}`;
  private get setKey() {
    return `${this.prefix}users`;
  }
  private seal = (u: StaffUser) => sealJson(this.sealer, staffUserSchema.parse(u), `user:${u.id}`);
  private open = (id: string, raw: string) => openJson(this.sealer, raw, `user:${id}`, staffUserSchema);

  async create(user: StaffUser): Promise<void> {
    const parsed = staffUserSchema.parse({ ...user, email: normaliseEmail(user.email) });
    const done = await this.guard(() =>
      this.redis.eval(CREATE, 3, this.userKey(parsed.id), this.emailKey(parsed.email), this.setKey, parsed.id, this.seal(parsed)),
    );
    if (done !== 1) throw new UserExists(parsed.email);
  }

  async get(id: string): Promise<StaffUser | undefined> {
    const raw = await this.guard(() => this.redis.get(this.userKey(id)));
    return raw ? this.open(id, raw) : undefined;
  }

  async findByEmail(email: string): Promise<StaffUser | undefined> {
    const id = await this.guard(() => this.redis.get(this.emailKey(email)));
    return id ? this.get(id) : undefined;
  }

  async update(id: string, change: (current: StaffUser) => StaffUser): Promise<StaffUser> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const raw = await this.guard(() => this.redis.get(this.userKey(id)));
      if (!raw) throw new UserNotFound(id);
      const current = this.open(id, raw);
      const next = staffUserSchema.parse({ ...change(current), id, email: current.email });
      const done = await this.guard(() => this.redis.eval(REPLACE_IF_UNCHANGED, 1, this.userKey(id), raw, this.seal(next)));
      if (done === 1) return next;
    }
    throw new StoreUnavailable(`user ${id} kept changing under concurrent updates`);
  }

  async list(): Promise<StaffUser[]> {
    const ids = await this.guard(() => this.redis.smembers(this.setKey));
    if (ids.length === 0) return [];
    const raws = await this.guard(() => this.redis.mget(...ids.map(this.userKey)));
    return raws
      .flatMap((raw, i) => (raw ? [this.open(ids[i], raw)] : []))
      .sort((a, b) => a.email.localeCompare(b.email));
  }

  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      throw new StoreUnavailable('Redis user store is unavailable', { cause: err });
    }
  }
}
