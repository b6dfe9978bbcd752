import { ETagConflict, StateStorage } from '../../core/store/types';

export interface StateStorageHarness {
  storage: StateStorage;
  /** Moves the clock (memory) or waits (Redis) past the TTL. */
  expire(): Promise<void>;
  close(): Promise<void>;
}

/** The one behaviour every StateStorage adapter must show (after botbuilder's storageBaseTests). */
export function stateStorageContract(name: string, make: () => Promise<StateStorageHarness>): void {
  describe(`StateStorage contract: ${name}`, () => {
    let h: StateStorageHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(async () => {
      await h.close();
    });

    it('reads nothing for unknown keys', async () => {
      expect(await h.storage.read(['nope'])).toEqual({});
    });

    it('returns what was written, with an eTag', async () => {
      await h.storage.write({ a: { count: 1, list: [], nested: { x: 'ไทย' } } });
      const { a } = await h.storage.read(['a']);
      expect(a).toMatchObject({ count: 1, list: [], nested: { x: 'ไทย' } });
      expect(typeof a.eTag).toBe('string');
    });

    it('reads several keys at once and skips missing ones', async () => {
      await h.storage.write({ a: { v: 1 }, b: { v: 2 } });
      const items = await h.storage.read(['a', 'b', 'c']);
      expect(Object.keys(items).sort()).toEqual(['a', 'b']);
    });

    it('changes the eTag on every write', async () => {
      await h.storage.write({ a: { v: 1 } });
      const first = (await h.storage.read(['a'])).a;
      await h.storage.write({ a: { ...first, v: 2 } });
      const second = (await h.storage.read(['a'])).a;
      expect(second.eTag).not.toEqual(first.eTag);
      expect(second.v).toBe(2);
    });

    it('refuses a write with a stale eTag and keeps the newer value', async () => {
      await h.storage.write({ a: { v: 1 } });
      const stale = (await h.storage.read(['a'])).a;
      await h.storage.write({ a: { ...stale, v: 2 } });
      await expect(h.storage.write({ a: { ...stale, v: 3 } })).rejects.toBeInstanceOf(ETagConflict);
      expect((await h.storage.read(['a'])).a.v).toBe(2);
    });

    it("overwrites with eTag '*' or no eTag", async () => {
      await h.storage.write({ a: { v: 1 } });
      await h.storage.write({ a: { v: 2, eTag: '*' } });
      await h.storage.write({ a: { v: 3 } });
      expect((await h.storage.read(['a'])).a.v).toBe(3);
    });

    it('deletes keys', async () => {
      await h.storage.write({ a: { v: 1 }, b: { v: 2 } });
      await h.storage.delete(['a']);
      expect(Object.keys(await h.storage.read(['a', 'b']))).toEqual(['b']);
    });

    it('forgets an item after its TTL', async () => {
      await h.storage.write({ a: { v: 1 } });
      await h.expire();
      expect(await h.storage.read(['a'])).toEqual({});
    });
  });
}
