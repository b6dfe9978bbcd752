import { MemoryAuditLog } from '../../core/audit/memoryAuditLog';
import { RedisAuditLog } from '../../core/audit/redisAuditLog';
import { isolatedRedis } from '../support/testRedis';
import { auditLogContract } from './auditContract';

auditLogContract('memory', async () => ({ log: new MemoryAuditLog(), close: async () => undefined }));

auditLogContract('redis', async () => {
  const { redis, prefix } = isolatedRedis();
  return { log: new RedisAuditLog(redis, prefix), close: async () => void (await redis.quit()) };
});

describe('RedisAuditLog', () => {
  it('writes to the stream `${prefix}audit`', async () => {
    const { redis, prefix } = isolatedRedis();
    await new RedisAuditLog(redis, prefix).append({ at: new Date().toISOString(), actor: 'a@x.example', action: 'signout', target: 'session' });
    expect(await redis.type(`${prefix}audit`)).toBe('stream');
    expect(await redis.xlen(`${prefix}audit`)).toBe(1);
    await redis.quit();
  });
});
