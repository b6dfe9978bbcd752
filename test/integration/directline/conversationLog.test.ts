import { ConversationLog } from '../../../bot/channels/directline/store/conversationLog';
import { MemoryConversationLog } from '../../../bot/channels/directline/store/memoryConversationLog';
import { RedisConversationLog } from '../../../bot/channels/directline/store/redisConversationLog';
import { isolatedRedis } from '../../support/testRedis';

const record = (id = 'c1') => ({
  id,
  deviceId: 'dev_abcdefgh',
  facilityId: 'demo-facility',
  locale: 'th-TH',
  startedAt: '2026-11-28T10:00:00.000Z',
});

/** The behaviour both Direct Line log adapters must show. */
describe.each([
  [
    'memory',
    async () => {
      let now = 1_000_000;
      return {
        log: new MemoryConversationLog(60_000, () => now) as ConversationLog,
        expire: async () => void (now += 60_001),
        close: async () => undefined,
      };
    },
  ],
  [
    'redis',
    async () => {
      const { redis, prefix } = isolatedRedis();
      return {
        log: new RedisConversationLog(redis, prefix, 150) as ConversationLog,
        expire: () => new Promise<void>((r) => setTimeout(r, 250)),
        close: async () => void (await redis.quit()),
      };
    },
  ],
])('ConversationLog contract: %s', (_name, make) => {
  let h: Awaited<ReturnType<typeof make>>;
  beforeEach(async () => {
    h = await make();
  });
  afterEach(() => h.close());

  it('creates a conversation once and reads it back', async () => {
    expect(await h.log.create(record())).toBe(true);
    expect(await h.log.create(record())).toBe(false);
    expect(await h.log.get('c1')).toEqual(record());
    expect(await h.log.get('c2')).toBeUndefined();
  });

  it('appends in order and reads from a watermark', async () => {
    await h.log.create(record());
    expect(await h.log.append('c1', 'a')).toBe(0);
    expect(await h.log.append('c1', 'b')).toBe(1);
    expect(await h.log.append('c1', 'c')).toBe(2);
    expect(await h.log.read('c1', 0)).toEqual({ entries: ['a', 'b', 'c'], next: 3 });
    expect(await h.log.read('c1', 2)).toEqual({ entries: ['c'], next: 3 });
    expect(await h.log.read('c1', 3)).toEqual({ entries: [], next: 3 });
  });

  it('appends nothing to a conversation that was never started', async () => {
    expect(await h.log.append('nope', 'a')).toBeUndefined();
    expect(await h.log.read('nope', 0)).toEqual({ entries: [], next: 0 });
  });

  it('drops an ended conversation at once and never starts its id again', async () => {
    await h.log.create(record());
    await h.log.append('c1', 'a');
    await h.log.end('c1');
    expect(await h.log.get('c1')).toBeUndefined();
    expect(await h.log.read('c1', 0)).toEqual({ entries: [], next: 0 });
    expect(await h.log.append('c1', 'b')).toBeUndefined();
    expect(await h.log.create(record())).toBe(false);
  });

  it('forgets a conversation after its TTL', async () => {
    await h.log.create(record());
    await h.log.append('c1', 'a');
    await h.expire();
    expect(await h.log.get('c1')).toBeUndefined();
    expect((await h.log.read('c1', 0)).entries).toEqual([]);
  });
});
