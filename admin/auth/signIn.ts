import { createHash } from 'node:crypto';
import { AuditLog } from '../../core/audit/types';
import { startSession } from '../../core/sessions/sessionPolicy';
import { Session, SessionStore } from '../../core/sessions/types';
import { RateLimiter } from '../../core/store/types';
import { hashPassword, verifyPassword } from '../../core/users/password';
import { checkTotp } from '../../core/users/totp';
import { normaliseEmail, StaffUser, UserStore } from '../../core/users/types';

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
// An office behind one address has several people; an attacker spraying emails has one address.
export const MAX_FAILURES_PER_IP = 20;
const MAX_ENROL_CODES = 5;

export type SignInResult =
  | { ok: true; token: string; session: Session; user: StaffUser }
  | { ok: false; reason: 'invalid' | 'locked' };

export interface SignInDeps {
  users: UserStore;
  sessions: SessionStore;
  audit: AuditLog;
  limiter: RateLimiter;
  now: () => Date;
}

/**
 * Sign-in with email, password and TOTP code, with lockout: 5 failures for an email (or 20 from an address) within
 * 15 minutes lock it for 15 minutes. Every outcome is audited; the caller only ever learns "invalid" or "locked".
 */
export class SignIn {
  // Unknown emails still cost one scrypt, so response time does not tell which emails have accounts.
  private readonly dummyHash = hashPassword('not-a-password-of-anyone');

  constructor(private readonly deps: SignInDeps) {}

  async signIn(input: { email: string; password: string; totp: string; ip: string }): Promise<SignInResult> {
    const { users, limiter } = this.deps;
    const email = normaliseEmail(input.email).slice(0, 320);
    const keys = this.keys(email, input.ip);
    if ((await limiter.exhausted(keys.emailLock, 1)) || (await limiter.exhausted(keys.ipLock, 1))) {
      await this.record('signin.locked', email, input.ip);
      return { ok: false, reason: 'locked' };
    }
    const user = await users.findByEmail(email);
    const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? (await this.dummyHash));
    let failure: string | undefined = !user ? 'unknown email' : user.disabled ? 'disabled' : !passwordOk ? 'password' : undefined;
    let step: number | undefined;
    if (!failure && user!.totpActive) {
      const check = checkTotp(user!.totpSecret, input.totp.trim(), user!.lastTotpStep, this.deps.now());
      if (check.valid) step = check.step;
      else failure = 'totp';
    }
    if (failure || !user) return this.fail(email, input.ip, failure ?? 'unknown email', keys);
    if (step !== undefined && !(await this.claimStep(user.id, step))) return this.fail(email, input.ip, 'totp replayed', keys);
    return this.open(user, user.totpActive ? 'full' : 'enrol', input.ip);
  }

  /** Finishes enrolment: the first code from the new authenticator activates TOTP and upgrades the session. */
  async enrol(session: Session, code: string, ip: string): Promise<SignInResult> {
    const user = await this.deps.users.get(session.userId);
    if (!user || user.disabled || user.totpActive) return { ok: false, reason: 'invalid' };
    const check = checkTotp(user.totpSecret, code.trim(), user.lastTotpStep, this.deps.now());
    if (!check.valid) {
      const s = await this.deps.sessions.update(session.id, (c) => ({ ...c, failedCodes: c.failedCodes + 1 }));
      if (s && s.failedCodes >= MAX_ENROL_CODES) await this.deps.sessions.delete(session.id);
      await this.record('signin.failure', user.email, ip, { reason: 'enrolment code' });
      return { ok: false, reason: 'invalid' };
    }
    await this.deps.users.update(user.id, (u) => ({ ...u, totpActive: true, lastTotpStep: check.step, updatedAt: this.deps.now().toISOString() }));
    await this.deps.sessions.delete(session.id);
    await this.record('totp.enrolled', user.email, ip);
    return this.open(user, 'full', ip);
  }

  async signOut(session: Session, email: string, ip: string): Promise<void> {
    await this.deps.sessions.delete(session.id);
    await this.record('signout', email, ip);
  }

  // A fresh session id at every sign-in, so a planted cookie can never become a signed-in one.
  private async open(user: StaffUser, stage: Session['stage'], ip: string): Promise<SignInResult> {
    const { token, session } = startSession(user.id, stage, this.deps.now());
    await this.deps.sessions.create(session);
    await this.record('signin.success', user.email, ip, { stage });
    return { ok: true, token, session, user };
  }

  /** Remembers the accepted time step; false if another sign-in already used this step or a later one. */
  private async claimStep(userId: string, step: number): Promise<boolean> {
    let claimed = false;
    await this.deps.users.update(userId, (u) => {
      claimed = u.lastTotpStep === undefined || u.lastTotpStep < step;
      return claimed ? { ...u, lastTotpStep: step } : u;
    });
    return claimed;
  }

  private async fail(email: string, ip: string, reason: string, keys: ReturnType<SignIn['keys']>): Promise<SignInResult> {
    const { limiter } = this.deps;
    const emailOk = await limiter.hit(keys.emailFailures, MAX_FAILURES - 1, LOCK_MS);
    const ipOk = await limiter.hit(keys.ipFailures, MAX_FAILURES_PER_IP - 1, LOCK_MS);
    if (!emailOk) await limiter.hit(keys.emailLock, 1, LOCK_MS);
    if (!ipOk) await limiter.hit(keys.ipLock, 1, LOCK_MS);
    await this.record('signin.failure', email || '(empty)', ip, { reason, ...(!emailOk || !ipOk ? { locked: !emailOk ? 'email' : 'address' } : {}) });
    return { ok: false, reason: emailOk && ipOk ? 'invalid' : 'locked' };
  }

  private keys(email: string, ip: string) {
    const e = createHash('sha256').update(email).digest('base64url').slice(0, 22);
    return {
      emailFailures: `signin:fail:email:${e}`,
      ipFailures: `signin:fail:ip:${ip}`,
      emailLock: `signin:lock:email:${e}`,
      ipLock: `signin:lock:ip:${ip}`,
    };
  }

  private async record(action: 'signin.success' | 'signin.failure' | 'signin.locked' | 'signout' | 'totp.enrolled', actor: string, ip: string, detail?: Record<string, string>): Promise<void> {
    await this.deps.audit.append({ at: this.deps.now().toISOString(), actor: actor || '(empty)', action, target: 'session', ip, detail });
  }
}
