import { randomUUID } from 'node:crypto';
import { StaffUser, UserExists, UserNotFound, UserStore } from '../../core/users/types';

export interface UserStoreHarness {
  store: UserStore;
  close(): Promise<void>;
}

export function sampleUser(over: Partial<StaffUser> = {}): StaffUser {
  return {
    id: randomUUID(),
    email: `${randomUUID().slice(0, 8)}@monitor.example`,
    name: 'Staff Member',
    role: 'triager',
    facilityIds: ['f1'],
    passwordHash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==',
    totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    totpActive: false,
    disabled: false,
    createdAt: '2026-11-02T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    ...over,
  };
}

/** The behaviour every UserStore adapter must show. */
export function userStoreContract(name: string, make: () => Promise<UserStoreHarness>): void {
  describe(`UserStore contract: ${name}`, () => {
    let h: UserStoreHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(() => h.close());

    it('stores a user and finds it by id and by email in any case', async () => {
      const u = sampleUser({ email: 'Ana.Lopez@Monitor.example' });
      await h.store.create(u);
      expect(await h.store.get(u.id)).toEqual({ ...u, email: 'ana.lopez@monitor.example' });
      expect((await h.store.findByEmail(' ANA.LOPEZ@monitor.EXAMPLE '))?.id).toBe(u.id);
    });

    it('refuses a second user with the same email, even from a different id', async () => {
      const u = sampleUser();
      await h.store.create(u);
      await expect(h.store.create(sampleUser({ email: u.email.toUpperCase() }))).rejects.toBeInstanceOf(UserExists);
      expect(await h.store.list()).toHaveLength(1);
    });

    it('finds nothing for an unknown id or email', async () => {
      expect(await h.store.get('nobody')).toBeUndefined();
      expect(await h.store.findByEmail('nobody@monitor.example')).toBeUndefined();
    });

    it('updates through a change function but never changes the id or email', async () => {
      const u = sampleUser();
      await h.store.create(u);
      const next = await h.store.update(u.id, (c) => ({ ...c, role: 'supervisor', email: 'other@x.example', id: 'other' }));
      expect(next).toMatchObject({ id: u.id, email: u.email, role: 'supervisor' });
      expect((await h.store.get(u.id))?.role).toBe('supervisor');
      await expect(h.store.update('nobody', (c) => c)).rejects.toBeInstanceOf(UserNotFound);
    });

    it('applies concurrent updates without losing one', async () => {
      const u = sampleUser({ facilityIds: [] });
      await h.store.create(u);
      await Promise.all(['a', 'b', 'c', 'd'].map((f) => h.store.update(u.id, (c) => ({ ...c, facilityIds: [...c.facilityIds, f] }))));
      expect((await h.store.get(u.id))?.facilityIds.sort()).toEqual(['a', 'b', 'c', 'd']);
    });

    it('lists every user ordered by email', async () => {
      await h.store.create(sampleUser({ email: 'c@x.example' }));
      await h.store.create(sampleUser({ email: 'a@x.example' }));
      await h.store.create(sampleUser({ email: 'b@x.example' }));
      expect((await h.store.list()).map((u) => u.email)).toEqual(['a@x.example', 'b@x.example', 'c@x.example']);
    });

    it('rejects a document that breaks the schema', async () => {
      await expect(h.store.create(sampleUser({ role: 'root' as StaffUser['role'] }))).rejects.toThrow();
    });
  });
}
