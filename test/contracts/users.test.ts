import { SecretKeys } from '../../core/privacy/secretKeys';
import { TextSealer } from '../../core/privacy/textSealer';
import { MemoryUserStore } from '../../core/users/memoryUserStore';
import { RedisUserStore } from '../../core/users/redisUserStore';
import { isolatedRedis } from '../support/testRedis';
import { sampleUser, userStoreContract } from './usersContract';

const sealer = new TextSealer(new SecretKeys('contract-secret-0123456789abcdef01234'));

userStoreContract('memory', async () => ({ store: new MemoryUserStore(), close: async () => undefined }));

userStoreContract('redis', async () => {
  const { redis, prefix } = isolatedRedis();
  return { store: new RedisUserStore(redis, prefix, sealer), close: async () => void (await redis.quit()) };
});

describe('RedisUserStore at rest', () => {
  it('keeps neither the TOTP secret nor the email readable in Redis', async () => {
    const { redis, prefix } = isolatedRedis();
    const u = sampleUser();
    await new RedisUserStore(redis, prefix, sealer).create(u);
    const keys = await redis.keys(`${prefix}*`);
    const dump = (await Promise.all(keys.map(async (k) => `${k} ${(await redis.type(k)) === 'string' ? await redis.get(k) : ''}`))).join('\n');
    expect(dump).not.toContain(u.totpSecret);
    expect(dump).not.toContain(u.email);
    await redis.quit();
  });
});
