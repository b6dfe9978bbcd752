import { z } from 'zod';

export const FACILITY_KINDS = ['children_home', 'shelter', 'foster_care', 'detention', 'boarding_school', 'other'] as const;

/** A place where children live in care; reports and kiosk devices belong to one. */
export const facilitySchema = z.object({
  /** A stable slug, e.g. "demo-facility"; reports carry it as `facilityId`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes'),
  name: z.string().trim().min(1).max(120),
  /** ISO 3166 alpha-2. */
  country: z.string().regex(/^[A-Z]{2}$/),
  kind: z.enum(FACILITY_KINDS),
});
export type Facility = z.infer<typeof facilitySchema>;

/** The facilities port. */
export interface FacilityStore {
  /** Creates or replaces the facility with this id. */
  upsert(facility: Facility): Promise<void>;
  get(id: string): Promise<Facility | undefined>;
  /** Every facility, ordered by name. */
  list(): Promise<Facility[]>;
}

export const byName = (a: Facility, b: Facility) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
