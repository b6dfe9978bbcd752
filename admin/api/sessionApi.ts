import { z } from 'zod';
import { totpUrl } from '../../core/users/totp';
import { clearCookie, SESSION_COOKIE } from '../auth/cookies';
import { TOTP_ISSUER } from '../auth/bootstrap';
import { AdminContext, sessionCookie } from '../context';
import { roleSchema } from '../../core/users/types';

export const signInBody = z.object({
  email: z.string().max(320),
  password: z.string().max(1024),
  /** Six digits; may be empty only for an account that has not enrolled its authenticator yet. */
  totp: z.string().max(12),
});
const meSchema = z.object({ email: z.string(), name: z.string(), role: roleSchema, facilityIds: z.array(z.string()) });
export const sessionAnswer = z.object({
  csrfToken: z.string(),
  stage: z.enum(['enrol', 'full']),
  user: meSchema,
  /** Only while enrolling: the otpauth URL to put into an authenticator app, then confirm with POST /session/enrol. */
  otpauthUrl: z.string().optional(),
});

/** POST/GET/DELETE /admin/api/session and enrolment. */
export function sessionApi(ctx: AdminContext): void {
  const { routes } = ctx;
  const me = (u: { email: string; name: string; role: z.infer<typeof roleSchema>; facilityIds: string[] }) => ({ email: u.email, name: u.name, role: u.role, facilityIds: u.facilityIds });

  routes.add(
    { method: 'post', path: '/api/session', permission: 'public', kind: 'api', summary: 'Sign in: sets the session cookie, returns the CSRF token', body: signInBody, response: sessionAnswer },
    async ({ res, body, ip }) => {
      const result = await ctx.signIn.signIn({ ...body, ip });
      if (!result.ok) {
        res.status(result.reason === 'locked' ? 429 : 401).json({ error: result.reason === 'locked' ? 'too many attempts; try again later' : 'sign-in failed' });
        return;
      }
      sessionCookie(ctx, res, result.token);
      const { session, user } = result;
      res.json({
        csrfToken: session.csrfToken,
        stage: session.stage,
        user: me(user),
        otpauthUrl: session.stage === 'enrol' ? totpUrl(TOTP_ISSUER, user.email, user.totpSecret) : undefined,
      });
    },
  );

  routes.add(
    { method: 'post', path: '/api/session/enrol', permission: 'enrol', kind: 'api', summary: 'Confirm authenticator enrolment with a first code', body: z.object({ totp: z.string().max(12) }), response: sessionAnswer },
    async ({ res, body, staff, ip }) => {
      const result = await ctx.signIn.enrol(staff.session, body.totp, ip);
      if (!result.ok) {
        res.status(400).json({ error: 'code did not match' });
        return;
      }
      sessionCookie(ctx, res, result.token);
      res.json({ csrfToken: result.session.csrfToken, stage: 'full', user: me(result.user) });
    },
  );

  routes.add({ method: 'get', path: '/api/session', permission: 'signedIn', kind: 'api', summary: 'The current session', response: sessionAnswer }, async ({ res, staff }) => {
    res.json({ csrfToken: staff.session.csrfToken, stage: staff.session.stage, user: me(staff.user) });
  });

  routes.add({ method: 'delete', path: '/api/session', permission: 'signedIn', kind: 'api', summary: 'Sign out' }, async ({ res, staff, ip }) => {
    await ctx.signIn.signOut(staff.session, staff.user.email, ip);
    clearCookie(res, SESSION_COOKIE, ctx.secureCookies);
    res.status(204).end();
  });
}
