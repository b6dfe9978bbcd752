import { Role } from '../../core/users/types';

/**
 * Everything a route can require. `public` and `enrol` are not granted by a role: `public` needs no session,
 * `enrol` needs a session that is still enrolling its authenticator. Every other permission needs a full session
 * whose user's role is granted it in RULES.
 */
export const PERMISSIONS = [
  'public',
  'enrol',
  'signedIn',
  'cases.read',
  /** Sees every facility's cases; without it a user sees only the cases of their own facilities. */
  'cases.all',
  'cases.original',
  'cases.write',
  'cases.export',
  'stats.read',
  'stats.export',
  'audit.read',
  'audit.export',
  'users.manage',
  'facilities.manage',
  'devices.manage',
  'content.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CASEWORK: Permission[] = ['signedIn', 'cases.read', 'cases.original', 'cases.write'];
const OVERSIGHT: Permission[] = [...CASEWORK, 'cases.all', 'cases.export', 'stats.read', 'stats.export', 'audit.read', 'audit.export'];

/**
 * The rules table: what each role may do. Admins also work cases, and their case access is audited like anyone's;
 * supervisors read everything an admin does in the audit log.
 */
export const RULES: Record<Role, ReadonlySet<Permission>> = {
  triager: new Set(CASEWORK),
  supervisor: new Set(OVERSIGHT),
  admin: new Set([...OVERSIGHT, 'users.manage', 'facilities.manage', 'devices.manage', 'content.read']),
};

export function can(role: Role, permission: Permission): boolean {
  return RULES[role].has(permission);
}
