import { AuditLog } from '../core/audit/types';
import { MemoryAuditLog } from '../core/audit/memoryAuditLog';
import { RedisAuditLog } from '../core/audit/redisAuditLog';
import { TextSealer } from '../core/privacy/textSealer';
import { SessionStore } from '../core/sessions/types';
import { MemorySessionStore } from '../core/sessions/memorySessionStore';
import { RedisSessionStore } from '../core/sessions/redisSessionStore';
import type { RedisClient } from '../core/store/redis/redisConnection';
import { UserStore } from '../core/users/types';
import { MemoryUserStore } from '../core/users/memoryUserStore';
import { RedisUserStore } from '../core/users/redisUserStore';

/** The admin app's own stores (facilities come with the shared stores). The composition root picks a factory. */
export interface StaffStores {
  users: UserStore;
  audit: AuditLog;
  sessions: SessionStore;
}

export function memoryStaffStores(): StaffStores {
  return { users: new MemoryUserStore(), audit: new MemoryAuditLog(), sessions: new MemorySessionStore() };
}

export function redisStaffStores(redis: RedisClient, prefix: string, sealer: TextSealer): StaffStores {
  return {
    users: new RedisUserStore(redis, prefix, sealer),
    audit: new RedisAuditLog(redis, prefix),
    sessions: new RedisSessionStore(redis, prefix),
  };
}
