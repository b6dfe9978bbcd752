import { byName, Facility, facilitySchema, FacilityStore } from './types';

/** In-memory facilities (embedded default, tests). */
export class MemoryFacilityStore implements FacilityStore {
  private readonly facilities = new Map<string, string>();

  async upsert(facility: Facility): Promise<void> {
    const parsed = facilitySchema.parse(facility);
    this.facilities.set(parsed.id, JSON.stringify(parsed));
  }

  async get(id: string): Promise<Facility | undefined> {
    const raw = this.facilities.get(id);
    return raw ? facilitySchema.parse(JSON.parse(raw)) : undefined;
  }

  async list(): Promise<Facility[]> {
    return [...this.facilities.values()].map((raw) => facilitySchema.parse(JSON.parse(raw))).sort(byName);
  }
}
