import { randomBytes } from 'node:crypto';
import { Response } from 'express';
import QRCode from 'qrcode';
import { z } from 'zod';
import { totpUrl } from '../../core/users/totp';
import { clearCookie, PRESESSION_COOKIE, SESSION_COOKIE, setCookie } from '../auth/cookies';
import { TOTP_ISSUER } from '../auth/bootstrap';
import { Staff } from '../auth/staff';
import { AdminContext, sessionCookie } from '../context';
import { html, SafeHtml } from './html';
import { csrfField, page } from './layout';

const signInForm = z.object({
  email: z.string().max(320),
  password: z.string().max(1024),
  totp: z.string().max(12),
});
const enrolForm = z.object({ totp: z.string().max(12) });

/** Sign-in, TOTP enrolment and sign-out pages. */
export function signInRoutes(ctx: AdminContext): void {
  const { routes } = ctx;

  routes.add({ method: 'get', path: '/', permission: 'public', kind: 'page', summary: 'Start: the queue, or sign-in' }, async ({ res, staff }) => {
    res.redirect(303, staff?.session.stage === 'full' ? '/admin/queue' : staff ? '/admin/enrol' : '/admin/signin');
  });

  routes.add({ method: 'get', path: '/signin', permission: 'public', kind: 'page', summary: 'Sign-in form' }, async ({ res, staff }) => {
    if (staff?.session.stage === 'full') return res.redirect(303, '/admin/queue');
    sendSignIn(ctx, res, 200);
  });

  routes.add({ method: 'post', path: '/signin', permission: 'public', kind: 'page', summary: 'Sign in', body: signInForm }, async ({ res, body, ip }) => {
    const result = await ctx.signIn.signIn({ ...body, ip });
    if (!result.ok) {
      return result.reason === 'locked'
        ? sendSignIn(ctx, res, 429, 'Too many failed attempts. Sign-in is locked for 15 minutes.')
        : sendSignIn(ctx, res, 401, 'Sign-in failed. Check your email, password and code.');
    }
    clearCookie(res, PRESESSION_COOKIE, ctx.secureCookies);
    sessionCookie(ctx, res, result.token);
    res.redirect(303, result.session.stage === 'full' ? '/admin/queue' : '/admin/enrol');
  });

  routes.add({ method: 'get', path: '/enrol', permission: 'enrol', kind: 'page', summary: 'Authenticator enrolment (QR code)' }, async ({ res, staff }) => {
    await sendEnrol(res, staff, 200);
  });

  routes.add({ method: 'post', path: '/enrol', permission: 'enrol', kind: 'page', summary: 'Confirm enrolment with a first code', body: enrolForm }, async ({ res, staff, body, ip }) => {
    const result = await ctx.signIn.enrol(staff.session, body.totp, ip);
    if (!result.ok) return sendEnrol(res, staff, 400, 'That code did not match. Check the time on your phone and try the next code.');
    sessionCookie(ctx, res, result.token);
    res.redirect(303, '/admin/queue?done=enrolled');
  });

  routes.add({ method: 'post', path: '/signout', permission: 'signedIn', kind: 'page', summary: 'Sign out' }, async ({ res, staff, ip }) => {
    await ctx.signIn.signOut(staff.session, staff.user.email, ip);
    clearCookie(res, SESSION_COOKIE, ctx.secureCookies);
    res.redirect(303, '/admin/signin?done=signedout');
  });
}

function sendSignIn(ctx: AdminContext, res: Response, status: number, error?: string): void {
  // A double-submit token for this form only: there is no session to bind a CSRF token to yet.
  const token = randomBytes(24).toString('base64url');
  setCookie(res, PRESESSION_COOKIE, token, { secure: ctx.secureCookies, maxAgeSeconds: 3600 });
  const body = html`<h1>Sign in</h1>
<form class="card narrow" method="post" action="/admin/signin">
  <input type="hidden" name="_csrf" value="${token}">
  <label for="email">Email</label>
  <input id="email" name="email" type="email" autocomplete="username" required autofocus>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <label for="totp">Code from your authenticator app</label>
  <input id="totp" name="totp" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" aria-describedby="totp-help">
  <p id="totp-help" class="help">Six digits. Leave empty only the first time, before you have set up the app.</p>
  <button type="submit" class="primary">Sign in</button>
</form>`;
  res.status(status).type('html').send(page({ title: 'Sign in', error }, body).toString());
}

async function sendEnrol(res: Response, staff: Staff, status: number, error?: string): Promise<void> {
  const url = totpUrl(TOTP_ISSUER, staff.user.email, staff.user.totpSecret);
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const grouped = staff.user.totpSecret.replace(/=+$/, '').replace(/(.{4})/g, '$1 ').trim();
  const body = html`<h1>Set up your authenticator</h1>
<div class="card narrow">
  <p>Signing in needs a code from an authenticator app on your phone. Scan this QR code with the app, then type the six-digit code it shows.</p>
  <figure class="qr" role="img" aria-label="QR code for your authenticator app">${new SafeHtml(svg)}</figure>
  <p>Cannot scan? Enter this key by hand: <code class="secret">${grouped}</code></p>
  <form method="post" action="/admin/enrol">
    ${csrfField(staff)}
    <label for="totp">Code from the app</label>
    <input id="totp" name="totp" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required autofocus>
    <button type="submit" class="primary">Confirm and sign in</button>
  </form>
</div>`;
  res.status(status).type('html').send(page({ title: 'Set up your authenticator', staff, error }, body).toString());
}
