import { MemoryViewsStore } from '../../core/store/memory/memoryViewsStore';
import { RedisViewsStore } from '../../core/store/redis/redisViewsStore';
import { ViewsStore } from '../../core/views/types';
import { isolatedRedis } from '../support/testRedis';

function viewsStoreContract(name: string, make: () => Promise<{ store: ViewsStore; close(): Promise<void> }>) {
  describe(`ViewsStore contract: ${name}`, () => {
    let h: { store: ViewsStore; close(): Promise<void> };
    beforeEach(async () => {
      h = await make();
    });
    afterEach(() => h.close());
    const cell = { facilityId: 'f1', questionId: 'safe', month: '2026-11', ageBand: 'teen' as const };

    it('counts answers per cell and keeps no single answer', async () => {
      await h.store.record(cell, 4, 'a');
      await h.store.record(cell, 4, 'b');
      await h.store.record(cell, 'skip', 'c');
      await h.store.record({ ...cell, ageBand: 'young' }, 1, 'd');
      const counts = await h.store.counts('2026-11');
      expect(counts.find((c) => c.ageBand === 'teen')?.counts).toEqual({ '1': 0, '2': 0, '3': 0, '4': 2, '5': 0, skip: 1 });
      expect(counts.find((c) => c.ageBand === 'young')?.counts['1']).toBe(1);
    });

    it('counts one child once per question and month', async () => {
      expect(await h.store.record(cell, 5, 'same-child')).toBe(true);
      expect(await h.store.record(cell, 1, 'same-child')).toBe(false);
      expect((await h.store.counts('2026-11'))[0].counts).toMatchObject({ '1': 0, '5': 1 });
    });

    it('filters by month and facility', async () => {
      await h.store.record(cell, 3, 'a');
      await h.store.record({ ...cell, facilityId: 'f2' }, 3, 'b');
      await h.store.record({ ...cell, month: '2026-10' }, 3, 'c');
      expect((await h.store.counts('2026-11')).map((c) => c.facilityId).sort()).toEqual(['f1', 'f2']);
      expect((await h.store.counts('2026-11', 'f2')).map((c) => c.facilityId)).toEqual(['f2']);
      expect(await h.store.counts('2026-09')).toEqual([]);
    });
  });
}

viewsStoreContract('memory', async () => ({ store: new MemoryViewsStore(), close: async () => undefined }));
viewsStoreContract('redis', async () => {
  const { redis, prefix } = isolatedRedis();
  return { store: new RedisViewsStore(redis, prefix), close: async () => void (await redis.quit()) };
});
