import { MemoryAuditLog } from '../../../core/audit/memoryAuditLog';
import { MemorySessionStore } from '../../../core/sessions/memorySessionStore';
import { MemoryRateLimiter } from '../../../core/store/memory/memoryRateLimiter';
import { currentTotp, newTotpSecret } from '../../../core/users/totp';
import { MemoryUserStore } from '../../../core/users/memoryUserStore';
import { newStaffUser } from '../../../admin/auth/bootstrap';
import { LOCK_MS, SignIn } from '../../../admin/auth/signIn';

async function setup(opts: { totpActive?: boolean } = {}) {
  let t = Date.parse('2026-11-02T10:00:00Z');
  const now = () => new Date(t);
  const users = new MemoryUserStore();
  const audit = new MemoryAuditLog();
  const sessions = new MemorySessionStore(() => t);
  const secret = newTotpSecret();
  const user = await newStaffUser({ email: 'ana@monitor.example', name: 'Ana', role: 'triager', facilityIds: [], password: 'a long enough password', totpSecret: secret, totpActive: opts.totpActive ?? true, now: now() });
  await users.create(user);
  const signIn = new SignIn({ users, sessions, audit, limiter: new MemoryRateLimiter(() => t), now });
  return {
    signIn,
    users,
    audit,
    sessions,
    secret,
    code: (offsetSteps = 0) => currentTotp(secret, new Date(t + offsetSteps * 30_000)),
    advance: (ms: number) => void (t += ms),
  };
}

const attempt = (s: Awaited<ReturnType<typeof setup>>, over: Partial<{ email: string; password: string; totp: string; ip: string }> = {}) =>
  s.signIn.signIn({ email: 'ana@monitor.example', password: 'a long enough password', totp: s.code(), ip: '10.0.0.1', ...over });

describe('sign-in', () => {
  it('opens a full session with the right password and code, and audits it', async () => {
    const s = await setup();
    const result = await attempt(s);
    expect(result.ok && result.session.stage).toBe('full');
    expect((await s.audit.list({ limit: 5 })).map((e) => [e.action, e.actor, e.ip])).toEqual([['signin.success', 'ana@monitor.example', '10.0.0.1']]);
  });

  it.each([
    ['a wrong password', { password: 'not the password' }, 'password'],
    ['a wrong code', { totp: '000000' }, 'totp'],
    ['an unknown email', { email: 'nobody@monitor.example' }, 'unknown email'],
  ])('refuses %s with the same answer, and audits the reason', async (_name, over, reason) => {
    const s = await setup();
    expect(await attempt(s, over)).toEqual({ ok: false, reason: 'invalid' });
    const [entry] = await s.audit.list({ limit: 1 });
    expect(entry).toMatchObject({ action: 'signin.failure', detail: { reason } });
  });

  it('refuses a code that was already used', async () => {
    const s = await setup();
    const code = s.code();
    expect((await attempt(s, { totp: code })).ok).toBe(true);
    expect(await attempt(s, { totp: code })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks an email for 15 minutes after 5 failures, even for the right password', async () => {
    const s = await setup();
    for (let i = 0; i < 4; i++) expect((await attempt(s, { password: 'wrong' })).ok).toBe(false);
    expect(await attempt(s, { password: 'wrong' })).toEqual({ ok: false, reason: 'locked' });
    expect(await attempt(s)).toEqual({ ok: false, reason: 'locked' });
    expect((await s.audit.list({ limit: 1, action: 'signin.locked' })).length).toBe(1);
    // Another address does not unlock the email.
    expect(await attempt(s, { ip: '10.9.9.9' })).toEqual({ ok: false, reason: 'locked' });
    s.advance(LOCK_MS + 1000);
    expect((await attempt(s)).ok).toBe(true);
  });

  it('locks an address after 20 failures across emails', async () => {
    const s = await setup();
    for (let i = 0; i < 20; i++) await attempt(s, { email: `guess${i}@monitor.example` });
    expect(await attempt(s)).toEqual({ ok: false, reason: 'locked' });
    expect((await attempt(s, { ip: '10.0.0.2' })).ok).toBe(true);
  });

  it('sends a user without an authenticator to enrolment, which activates TOTP with a first code', async () => {
    const s = await setup({ totpActive: false });
    const first = await attempt(s, { totp: '' });
    expect(first.ok && first.session.stage).toBe('enrol');
    if (!first.ok) return;
    expect((await s.signIn.enrol(first.session, '000000', '10.0.0.1')).ok).toBe(false);
    const done = await s.signIn.enrol(first.session, s.code(), '10.0.0.1');
    expect(done.ok && done.session.stage).toBe('full');
    expect(await s.sessions.get(first.session.id)).toBeUndefined();
    expect((await s.users.findByEmail('ana@monitor.example'))?.totpActive).toBe(true);
    // From now on the code is required.
    expect(await attempt(s, { totp: '' })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('ends an enrolment session after 5 wrong codes', async () => {
    const s = await setup({ totpActive: false });
    const first = await attempt(s, { totp: '' });
    if (!first.ok) throw new Error('expected enrolment');
    for (let i = 0; i < 5; i++) await s.signIn.enrol(first.session, '000000', '10.0.0.1');
    expect(await s.sessions.get(first.session.id)).toBeUndefined();
  });

  it('refuses a disabled user', async () => {
    const s = await setup();
    const u = (await s.users.findByEmail('ana@monitor.example'))!;
    await s.users.update(u.id, (c) => ({ ...c, disabled: true }));
    expect(await attempt(s)).toEqual({ ok: false, reason: 'invalid' });
  });
});
