import { randomUUID } from 'node:crypto';
import { AuditLog } from '../../core/audit/types';
import { hashPassword, randomPassword } from '../../core/users/password';
import { newTotpSecret, totpUrl } from '../../core/users/totp';
import { normaliseEmail, Role, StaffUser, UserStore } from '../../core/users/types';

export const TOTP_ISSUER = 'heard admin';
export const DEMO_ADMIN_EMAIL = 'demo-admin@example.org';

/** A new user document; `totpActive` only when the secret is already in an authenticator (bootstrap, demo). */
export async function newStaffUser(input: {
  email: string;
  name: string;
  role: Role;
  facilityIds: string[];
  password: string;
  totpSecret?: string;
  totpActive: boolean;
  now: Date;
}): Promise<StaffUser> {
  const at = input.now.toISOString();
  return {
    id: randomUUID(),
    email: normaliseEmail(input.email),
    name: input.name,
    role: input.role,
    facilityIds: input.facilityIds,
    passwordHash: await hashPassword(input.password),
    totpSecret: input.totpSecret ?? newTotpSecret(),
    totpActive: input.totpActive,
    disabled: false,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Creates the first admin from ADMIN_BOOTSTRAP_EMAIL/PASSWORD/TOTP_SECRET if no user has that email. An existing
 * user is left alone: the environment must not be a way to reset a password. Returns whether it created one.
 */
export async function ensureBootstrapAdmin(
  users: UserStore,
  audit: AuditLog,
  env: { email: string; password: string; totpSecret: string },
  now: Date = new Date(),
): Promise<boolean> {
  if (await users.findByEmail(env.email)) return false;
  const user = await newStaffUser({ ...env, name: 'Bootstrap admin', role: 'admin', facilityIds: [], totpActive: true, now });
  await users.create(user);
  await audit.append({ at: now.toISOString(), actor: 'system', action: 'user.create', target: user.email, detail: { role: 'admin', via: 'bootstrap' } });
  return true;
}

export interface DemoLogin {
  email: string;
  password: string;
  totpSecret: string;
  /** Add to an authenticator app (or paste into one that accepts otpauth URLs). */
  otpauthUrl: string;
}

/**
 * For the embedded in-memory default only: a demo admin with a random password and TOTP secret, for main.ts to print.
 * Called again, it gives the same account new credentials.
 */
export async function createDemoAdmin(users: UserStore, audit: AuditLog, now: Date = new Date()): Promise<DemoLogin> {
  const password = randomPassword();
  const totpSecret = newTotpSecret();
  const existing = await users.findByEmail(DEMO_ADMIN_EMAIL);
  const fresh = await newStaffUser({ email: DEMO_ADMIN_EMAIL, name: 'Demo admin', role: 'admin', facilityIds: [], password, totpSecret, totpActive: true, now });
  if (existing) {
    await users.update(existing.id, (u) => ({ ...u, passwordHash: fresh.passwordHash, totpSecret, totpActive: true, lastTotpStep: undefined, disabled: false }));
  } else {
    await users.create(fresh);
  }
  await audit.append({ at: now.toISOString(), actor: 'system', action: existing ? 'user.update' : 'user.create', target: DEMO_ADMIN_EMAIL, detail: { role: 'admin', via: 'demo' } });
  return { email: DEMO_ADMIN_EMAIL, password, totpSecret, otpauthUrl: totpUrl(TOTP_ISSUER, DEMO_ADMIN_EMAIL, totpSecret) };
}
