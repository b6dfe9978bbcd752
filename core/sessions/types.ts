import { z } from 'zod';

/**
 * A staff session. `id` is the SHA-256 of the cookie token, so a copy of the store holds no usable session.
 * `enrol` sessions may only finish TOTP enrolment; `full` sessions may do what the user's role allows.
 */
export const sessionSchema = z.object({
  id: z.string().min(1),
  userId: z.string().min(1),
  stage: z.enum(['enrol', 'full']),
  /** The per-session CSRF token that state-changing requests must echo (header or form field). */
  csrfToken: z.string().min(16),
  createdAt: z.iso.datetime(),
  /** Ends the session whatever the activity (8 hours after sign-in). */
  absoluteExpiresAt: z.iso.datetime(),
  /** Ends the session after inactivity (15 minutes after the last request); never after `absoluteExpiresAt`. */
  idleExpiresAt: z.iso.datetime(),
  /** Wrong TOTP codes typed during enrolment; the session ends after a few. */
  failedCodes: z.number().int().min(0).default(0),
});
export type Session = z.infer<typeof sessionSchema>;

/** The sessions port. Expired sessions are gone: `get` and `update` never return one. */
export interface SessionStore {
  create(session: Session): Promise<void>;
  get(id: string): Promise<Session | undefined>;
  /** Applies `change` if the session still lives; returns the new session, or undefined if it has ended. */
  update(id: string, change: (current: Session) => Session): Promise<Session | undefined>;
  delete(id: string): Promise<void>;
  /** Ends every session of a user (disabled, role changed, TOTP reset); returns how many. */
  deleteForUser(userId: string): Promise<number>;
}

/** Whether a session has ended at `now` (idle or absolute limit reached). */
export function sessionEnded(s: Session, now: number): boolean {
  return Date.parse(s.idleExpiresAt) <= now || Date.parse(s.absoluteExpiresAt) <= now;
}

/** Milliseconds until a session ends, for store TTLs. */
export function msLeft(s: Session, now: number): number {
  return Math.min(Date.parse(s.idleExpiresAt), Date.parse(s.absoluteExpiresAt)) - now;
}
