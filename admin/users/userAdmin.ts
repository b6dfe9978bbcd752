import { z } from 'zod';
import { AuditLog } from '../../core/audit/types';
import { SessionStore } from '../../core/sessions/types';
import { hashPassword, randomPassword } from '../../core/users/password';
import { newTotpSecret } from '../../core/users/totp';
import { roleSchema, StaffUser, UserExists, UserNotFound, UserStore } from '../../core/users/types';
import { newStaffUser } from '../auth/bootstrap';
import { Conflict, NotFound } from '../errors';

export const newUserBody = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(100),
  role: roleSchema,
  facilityIds: z.array(z.string().max(64)).max(200).default([]),
});
export const userChangeBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  role: roleSchema.optional(),
  facilityIds: z.array(z.string().max(64)).max(200).optional(),
  disabled: z.boolean().optional(),
});

/** What an admin may see of a user: never the password hash or the TOTP secret. */
export function publicUser(u: StaffUser) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, facilityIds: u.facilityIds, totpActive: u.totpActive, disabled: u.disabled, createdAt: u.createdAt };
}

/**
 * Users and roles. A new user gets a one-time random password (shown once to the admin who hands it over) and must
 * enrol an authenticator at first sign-in. Changing someone's role, facilities or access ends their sessions, so the
 * change takes effect at once.
 */
export class UserAdmin {
  constructor(private readonly deps: { users: UserStore; sessions: SessionStore; audit: AuditLog; now: () => Date }) {}

  async create(actor: StaffUser, input: z.infer<typeof newUserBody>, ip: string): Promise<{ user: StaffUser; password: string }> {
    const password = randomPassword();
    const user = await newStaffUser({ ...input, password, totpActive: false, now: this.deps.now() });
    try {
      await this.deps.users.create(user);
    } catch (err) {
      if (err instanceof UserExists) throw new Conflict('email already in use');
      throw err;
    }
    await this.record(actor, 'user.create', user.email, ip, { role: user.role });
    return { user, password };
  }

  async change(actor: StaffUser, id: string, change: z.infer<typeof userChangeBody>, ip: string): Promise<StaffUser> {
    if (id === actor.id && (change.disabled || (change.role && change.role !== 'admin'))) throw new Conflict('admins cannot lock themselves out');
    const user = await this.update(id, (u) => ({ ...u, ...definedOnly(change) }));
    await this.deps.sessions.deleteForUser(id);
    await this.record(actor, 'user.update', user.email, ip, Object.fromEntries(Object.entries(change).map(([k, v]) => [k, String(v)])));
    return user;
  }

  /** A new authenticator secret; the user enrols again at next sign-in. */
  async resetTotp(actor: StaffUser, id: string, ip: string): Promise<StaffUser> {
    const user = await this.update(id, (u) => ({ ...u, totpSecret: newTotpSecret(), totpActive: false, lastTotpStep: undefined }));
    await this.deps.sessions.deleteForUser(id);
    await this.record(actor, 'user.update', user.email, ip, { totp: 'reset' });
    return user;
  }

  async resetPassword(actor: StaffUser, id: string, ip: string): Promise<{ user: StaffUser; password: string }> {
    const password = randomPassword();
    const passwordHash = await hashPassword(password);
    const user = await this.update(id, (u) => ({ ...u, passwordHash }));
    await this.deps.sessions.deleteForUser(id);
    await this.record(actor, 'user.update', user.email, ip, { password: 'reset' });
    return { user, password };
  }

  private async update(id: string, change: (u: StaffUser) => StaffUser): Promise<StaffUser> {
    try {
      return await this.deps.users.update(id, (u) => ({ ...change(u), updatedAt: this.deps.now().toISOString() }));
    } catch (err) {
      if (err instanceof UserNotFound) throw new NotFound('user');
      throw err;
    }
  }

  private async record(actor: StaffUser, action: 'user.create' | 'user.update', target: string, ip: string, detail: Record<string, string>): Promise<void> {
    await this.deps.audit.append({ at: this.deps.now().toISOString(), actor: actor.email, action, target, ip, detail });
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
