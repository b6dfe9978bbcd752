import { startSession, touched, IDLE_MS, ABSOLUTE_MS } from '../../core/sessions/sessionPolicy';
import { SessionStore } from '../../core/sessions/types';

export interface SessionStoreHarness {
  store: SessionStore;
  /** Moves the store's clock forward. */
  advance(ms: number): void;
  now(): number;
  close(): Promise<void>;
}

/** The behaviour every SessionStore adapter must show: 15 minutes idle, 8 hours at most. */
export function sessionStoreContract(name: string, make: () => Promise<SessionStoreHarness>): void {
  describe(`SessionStore contract: ${name}`, () => {
    let h: SessionStoreHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(() => h.close());

    const start = (userId = 'u1', stage: 'full' | 'enrol' = 'full') => startSession(userId, stage, new Date(h.now())).session;

    it('stores a session and gives it back until it ends', async () => {
      const s = start();
      await h.store.create(s);
      expect(await h.store.get(s.id)).toEqual(s);
      expect(await h.store.get('unknown')).toBeUndefined();
    });

    it('ends a session after 15 minutes without activity', async () => {
      const s = start();
      await h.store.create(s);
      h.advance(IDLE_MS - 1000);
      expect(await h.store.get(s.id)).toBeDefined();
      h.advance(2000);
      expect(await h.store.get(s.id)).toBeUndefined();
    });

    it('keeps an active session alive, but never beyond 8 hours', async () => {
      const s = start();
      await h.store.create(s);
      for (let t = 0; t < ABSOLUTE_MS; t += IDLE_MS - 60_000) {
        h.advance(IDLE_MS - 60_000);
        const live = await h.store.update(s.id, (c) => touched(c, new Date(h.now())));
        if (h.now() - Date.parse(s.createdAt) < ABSOLUTE_MS) expect(live).toBeDefined();
        else expect(live).toBeUndefined();
      }
      h.advance(60_000);
      expect(await h.store.get(s.id)).toBeUndefined();
    });

    it('does not bring back a deleted session through an update', async () => {
      const s = start();
      await h.store.create(s);
      await h.store.delete(s.id);
      expect(await h.store.update(s.id, (c) => touched(c, new Date(h.now())))).toBeUndefined();
      expect(await h.store.get(s.id)).toBeUndefined();
    });

    it('ends every session of one user and no other', async () => {
      const a1 = start('a');
      const a2 = start('a', 'enrol');
      const b = start('b');
      for (const s of [a1, a2, b]) await h.store.create(s);
      expect(await h.store.deleteForUser('a')).toBe(2);
      expect(await h.store.get(a1.id)).toBeUndefined();
      expect(await h.store.get(a2.id)).toBeUndefined();
      expect(await h.store.get(b.id)).toEqual(b);
    });

    it('records wrong enrolment codes on the session', async () => {
      const s = start('u', 'enrol');
      await h.store.create(s);
      await h.store.update(s.id, (c) => ({ ...c, failedCodes: c.failedCodes + 1 }));
      expect((await h.store.get(s.id))?.failedCodes).toBe(1);
    });
  });
}
