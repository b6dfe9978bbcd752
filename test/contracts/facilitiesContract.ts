import { Facility, FacilityStore } from '../../core/facilities/types';

export interface FacilityStoreHarness {
  store: FacilityStore;
  close(): Promise<void>;
}

const facility = (over: Partial<Facility> = {}): Facility => ({ id: 'demo-facility', name: 'Demo Children’s Home', country: 'TH', kind: 'children_home', ...over });

/** The behaviour every FacilityStore adapter must show. */
export function facilityStoreContract(name: string, make: () => Promise<FacilityStoreHarness>): void {
  describe(`FacilityStore contract: ${name}`, () => {
    let h: FacilityStoreHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(() => h.close());

    it('creates a facility and reads it back', async () => {
      await h.store.upsert(facility());
      expect(await h.store.get('demo-facility')).toEqual(facility());
      expect(await h.store.get('other')).toBeUndefined();
    });

    it('replaces a facility with the same id', async () => {
      await h.store.upsert(facility());
      await h.store.upsert(facility({ name: 'Renamed Home', kind: 'shelter' }));
      expect(await h.store.list()).toEqual([facility({ name: 'Renamed Home', kind: 'shelter' })]);
    });

    it('lists facilities by name', async () => {
      await h.store.upsert(facility({ id: 'b', name: 'Banyan House' }));
      await h.store.upsert(facility({ id: 'a', name: 'Acacia Shelter' }));
      expect((await h.store.list()).map((f) => f.id)).toEqual(['a', 'b']);
    });

    it('refuses an id that is not a slug and a country that is not ISO 3166', async () => {
      await expect(h.store.upsert(facility({ id: 'Bad Id' }))).rejects.toThrow();
      await expect(h.store.upsert(facility({ country: 'Thailand' }))).rejects.toThrow();
      expect(await h.store.list()).toEqual([]);
    });
  });
}
