import { createHash, randomBytes } from 'node:crypto';
import { Session } from './types';

export const IDLE_MS = 15 * 60_000;
export const ABSOLUTE_MS = 8 * 3_600_000;
/** An enrolment session is short: it only shows a QR code and checks one code. */
export const ENROL_MS = 15 * 60_000;

/** The store id of a cookie token. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Starts a session: returns the token for the cookie (never stored) and the session to store. */
export function startSession(userId: string, stage: Session['stage'], now: Date): { token: string; session: Session } {
  const token = randomBytes(32).toString('base64url');
  const absolute = now.getTime() + (stage === 'full' ? ABSOLUTE_MS : ENROL_MS);
  return {
    token,
    session: {
      id: sessionIdOf(token),
      userId,
      stage,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: now.toISOString(),
      absoluteExpiresAt: new Date(absolute).toISOString(),
      idleExpiresAt: new Date(Math.min(now.getTime() + IDLE_MS, absolute)).toISOString(),
      failedCodes: 0,
    },
  };
}

/** The session after activity at `now`: the idle limit moves on, never past the absolute one. */
export function touched(s: Session, now: Date): Session {
  const idle = Math.min(now.getTime() + IDLE_MS, Date.parse(s.absoluteExpiresAt));
  return { ...s, idleExpiresAt: new Date(idle).toISOString() };
}
