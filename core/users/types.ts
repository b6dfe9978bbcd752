import { z } from 'zod';

/** Staff roles of the monitoring body; what each may do is the rules table in admin/auth/permissions.ts. */
export const ROLES = ['triager', 'supervisor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const base32Secret = z.string().regex(/^[A-Z2-7]{16,}=*$/, 'must be base32');

/** A staff member. Stored as one document; the Redis adapter keeps it sealed (it holds the TOTP secret). */
export const staffUserSchema = z.object({
  id: z.string().min(1),
  /** Lower-cased; the sign-in name. */
  email: z.email(),
  name: z.string().min(1).max(100),
  role: roleSchema,
  /** Facilities a triager works on; ignored for roles that see every case. */
  facilityIds: z.array(z.string().min(1)),
  /** `scrypt$N$r$p$salt$hash`, see password.ts. */
  passwordHash: z.string().min(1),
  totpSecret: base32Secret,
  /** False until the user has proved, once, that their authenticator produces codes for `totpSecret`. */
  totpActive: z.boolean(),
  /** The TOTP time step last accepted, so a code cannot be used twice. */
  lastTotpStep: z.number().int().optional(),
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type StaffUser = z.infer<typeof staffUserSchema>;

/** The staff users port; one contract suite (test/contracts/users*) runs against every adapter. */
export interface UserStore {
  /** Adds a user; throws UserExists if the id or the email is taken. */
  create(user: StaffUser): Promise<void>;
  get(id: string): Promise<StaffUser | undefined>;
  findByEmail(email: string): Promise<StaffUser | undefined>;
  /** Applies `change` to the current user; throws UserNotFound. The email cannot change. */
  update(id: string, change: (current: StaffUser) => StaffUser): Promise<StaffUser>;
  /** Every user, ordered by email. */
  list(): Promise<StaffUser[]>;
}

export class UserExists extends Error {
  constructor(readonly email: string) {
    super('A user with this email already exists');
    this.name = new.target.name;
  }
}

export class UserNotFound extends Error {
  constructor(readonly id: string) {
    super(`No user ${id}`);
    this.name = new.target.name;
  }
}

/** How emails are compared and indexed: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
