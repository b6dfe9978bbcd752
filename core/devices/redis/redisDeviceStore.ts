import type { RedisClient } from '../../store/redis/redisConnection';
import { StoreUnavailable } from '../../store/types';
import { byCreation, Device, deviceSchema, DeviceStore } from '../types';

// One round trip that cannot interleave with another redeem or a revoke: of two uses of one code, one wins.
// KEYS: code index, devices hash, key-index prefix, code-of-device hash. ARGV: key hash, now (ISO strings compare in
// time order).
const REDEEM = `
local id = redis.call('GET', KEYS[1])
if not id then return false end
redis.call('DEL', KEYS[1])
redis.call('HDEL', KEYS[4], id)
local raw = redis.call('HGET', KEYS[2], id)
if not raw then return false end
local d = cjson.decode(raw)
if d.status ~= 'pending' or not d.enrolmentExpiresAt or d.enrolmentExpiresAt <= ARGV[2] then return false end
d.status = 'active'
d.enrolledAt = ARGV[2]
d.enrolmentExpiresAt = nil
raw = cjson.encode(d)
redis.call('HSET', KEYS[2], id, raw)
redis.call('SET', KEYS[3] .. ARGV[1], id)
return raw
`;

// KEYS: devices hash, code-of-device hash, code-index prefix. ARGV: id, now.
const REVOKE = `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return false end
local d = cjson.decode(raw)
if d.status ~= 'revoked' then
  d.status = 'revoked'
  d.revokedAt = ARGV[2]
  d.enrolmentExpiresAt = nil
  raw = cjson.encode(d)
  redis.call('HSET', KEYS[1], ARGV[1], raw)
end
local code = redis.call('HGET', KEYS[2], ARGV[1])
if code then redis.call('DEL', KEYS[3] .. code) end
redis.call('HDEL', KEYS[2], ARGV[1])
return raw
`;

/**
 * Kiosk devices in Redis: `devices` (hash id → JSON), `device-code:<hash>` → id (expires with the code),
 * `device-key:<hash>` → id, and `device-codes` (id → hash of its pending code, to drop the code on revoke).
 * A revoked device keeps its key index so its tablet is told "revoked", not "unknown".
 */
export class RedisDeviceStore implements DeviceStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  private k(name: string) {
    return `${this.prefix}${name}`;
  }

  async insert(device: Device, codeHash: string): Promise<void> {
    const parsed = deviceSchema.parse(device);
    // Relative to creation, not this machine's clock: the index only needs to outlive the code (redeem checks time).
    const ttl = Math.max(1, Date.parse(parsed.enrolmentExpiresAt ?? '') - Date.parse(parsed.createdAt));
    await this.guard(() =>
      this.redis
        .multi()
        .hset(this.k('devices'), parsed.id, JSON.stringify(parsed))
        .set(this.k(`device-code:${codeHash}`), parsed.id, 'PX', Number.isFinite(ttl) ? ttl : 1)
        .hset(this.k('device-codes'), parsed.id, codeHash)
        .exec(),
    );
  }

  async redeem(codeHash: string, keyHash: string, at: Date): Promise<Device | undefined> {
    const keys = [
      this.k(`device-code:${codeHash}`),
      this.k('devices'),
      this.k('device-key:'),
      this.k('device-codes'),
    ];
    const raw = await this.guard(() =>
      this.redis.eval(REDEEM, keys.length, ...keys, keyHash, at.toISOString()),
    );
    return typeof raw === 'string' ? parse(raw) : undefined;
  }

  async byKeyHash(keyHash: string): Promise<Device | undefined> {
    const id = await this.guard(() => this.redis.get(this.k(`device-key:${keyHash}`)));
    return id ? this.get(id) : undefined;
  }

  async get(id: string): Promise<Device | undefined> {
    const raw = await this.guard(() => this.redis.hget(this.k('devices'), id));
    return raw ? parse(raw) : undefined;
  }

  async revoke(id: string, at: Date): Promise<Device | undefined> {
    const keys = [this.k('devices'), this.k('device-codes'), this.k('device-code:')];
    const raw = await this.guard(() => this.redis.eval(REVOKE, keys.length, ...keys, id, at.toISOString()));
    return typeof raw === 'string' ? parse(raw) : undefined;
  }

  async list(facilityId?: string): Promise<Device[]> {
    const all = await this.guard(() => this.redis.hvals(this.k('devices')));
    return all
      .map(parse)
      .filter((d) => !facilityId || d.facilityId === facilityId)
      .sort(byCreation);
  }

  private async guard<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (err) {
      throw new StoreUnavailable('Redis device store is unavailable', { cause: err });
    }
  }
}

const parse = (raw: string): Device => deviceSchema.parse(JSON.parse(raw));
