import { randomUUID } from 'node:crypto';
import { AdminClient } from './adminClient';
import { report } from './fixtures';
import { Harness, startHarness } from './harness';

const HOSTILE = `<script>alert('x')</script><img src=x onerror="alert(1)"><a href="javascript:alert(2)">click</a>`;

describe('admin pages', () => {
  let h: Harness;
  let admin: AdminClient;
  beforeAll(async () => {
    h = await startHarness();
    admin = await new AdminClient(h.url).signIn(h.login.email, h.login.password, h.login.totpSecret);
  });
  afterAll(() => h.stop());

  const file = async (over = {}) => {
    const r = report(over);
    await h.reports.create(r, { id: randomUUID(), type: 'report.created', reportId: r.id, risk: r.risk, kind: r.kind, categories: r.categories, locale: r.locale, redactedText: r.redactedText, createdAt: r.createdAt, dueAt: r.dueAt });
    return r;
  };

  it.each(['/admin/signin', '/admin/queue', '/admin/static/admin.css', '/admin/api/reports', '/admin/no-such-page', '/admin/api/nothing-here'])(
    'sends a strict CSP, no-store and no framing on %s',
    async (path) => {
      const res = await admin.get(path);
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
      );
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    },
  );

  it('has no inline script or style attribute on any page', async () => {
    const r = await file();
    const pages = [(await new AdminClient(h.url).get('/admin/signin')).text];
    for (const path of ['/admin/queue', `/admin/cases/${r.id}`, '/admin/stats', '/admin/audit', '/admin/users', '/admin/facilities', '/admin/devices', '/admin/content']) {
      pages.push((await admin.get(path)).text);
    }
    for (const page of pages) {
      expect(page).toMatch(/<script src="\/admin\/static\/admin\.js" defer><\/script>/);
      expect(page.match(/<script/g)).toHaveLength(1);
      expect(page).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    }
  });

  it('escapes what a child wrote in the queue, the case, and the notes', async () => {
    const r = await file({ redactedText: HOSTILE, risk: 'urgent', topic: '<b>topic</b>' });
    await admin.post(`/admin/api/reports/${r.id}/notes`, { kind: 'internal', text: HOSTILE });
    for (const path of ['/admin/queue', `/admin/cases/${r.id}`]) {
      const page = (await admin.get(path)).text;
      expect(page).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
      expect(page).not.toContain('<script>alert');
      expect(page).not.toContain('<img src=x');
      expect(page).not.toContain('href="javascript:');
      expect(page).not.toContain('<b>topic');
    }
  });

  it('signs in through the form only with its double-submit token', async () => {
    const form = await fetch(`${h.url}/admin/signin`);
    const token = /heard_admin_pre=([\w-]+)/.exec(form.headers.get('set-cookie') ?? '')![1];
    expect(await form.text()).toContain(`name="_csrf" value="${token}"`);
    const body = new URLSearchParams({ email: 'x@monitor.example', password: 'wrong', totp: '123456', _csrf: token });
    const noCookie = await fetch(`${h.url}/admin/signin`, { method: 'POST', body, redirect: 'manual' });
    expect(noCookie.status).toBe(403);
    const wrongPassword = await fetch(`${h.url}/admin/signin`, { method: 'POST', body, headers: { cookie: `heard_admin_pre=${token}` }, redirect: 'manual' });
    expect(wrongPassword.status).toBe(401);
    expect(await wrongPassword.text()).toContain('Sign-in failed. Check your email, password and code.');
  });

  it('refuses a form post without the session’s CSRF field', async () => {
    const r = await file();
    const res = await admin.request('POST', `/admin/cases/${r.id}/notes`, { kind: 'internal', text: 'sneaky' }, { form: true, csrf: false });
    expect(res.status).toBe(403);
    expect(res.text).toContain('You do not have permission to do this.');
    expect((await h.reports.get(r.id))?.notes).toEqual([]);
  });

  it('works a case through its forms and comes back to the case each time', async () => {
    const r = await file();
    const status = await admin.request('POST', `/admin/cases/${r.id}/status`, { status: 'acknowledged', note: 'Called the home' }, { form: true });
    expect(status.status).toBe(303);
    expect(status.headers.get('location')).toBe(`/admin/cases/${r.id}?done=status`);
    await admin.request('POST', `/admin/cases/${r.id}/notes`, { kind: 'reply', text: 'We will come this week.' }, { form: true });
    const page = (await admin.get(`/admin/cases/${r.id}?done=reply`)).text;
    expect(page).toContain('Reply saved. The child can read it with their receipt code.');
    expect(page).toContain('We will come this week.');
    expect(page).toContain('Called the home');
    const empty = await admin.request('POST', `/admin/cases/${r.id}/status`, { status: 'in_progress', note: '' }, { form: true });
    expect(empty.status).toBe(400);
  });

  it('shows the original only after the audited request, side by side with no translation when no model is set', async () => {
    const id = randomUUID();
    const r = await file({ id, original: h.sealer.seal('the original words', id), redactedText: 'the redacted words' });
    expect((await admin.get(`/admin/cases/${r.id}`)).text).not.toContain('the original words');
    const shown = await admin.request('POST', `/admin/cases/${r.id}/original`, {}, { form: true });
    expect(shown.text).toContain('the original words');
    expect(shown.text).not.toContain('Machine translation');
  });

  it('answers a failing store with a generic page and logs the detail', async () => {
    const original = h.reports.get.bind(h.reports);
    h.reports.get = async () => {
      throw new Error('disk on fire at 10.0.0.5');
    };
    const res = await admin.get(`/admin/cases/${randomUUID()}`);
    h.reports.get = original;
    expect(res.status).toBe(500);
    expect(res.text).toContain('Something went wrong. The error has been logged.');
    expect(res.text).not.toContain('disk on fire');
    expect(JSON.stringify(h.errors.map((e) => String((e as { err: Error }).err)))).toContain('disk on fire');
  });

  it('creates a user whose one-time password is shown once, and lets them enrol through the pages', async () => {
    const email = `page-user-${randomUUID().slice(0, 6)}@monitor.example`;
    const created = await admin.request('POST', '/admin/users', { email, name: 'Page User', role: 'triager', facilityIds: 'demo-facility' }, { form: true });
    const password = /<code class="secret">([^<]+)<\/code>/.exec(created.text)![1];
    const list = await admin.get('/admin/users');
    expect(list.text).toContain(email);
    expect(list.text).not.toContain(password);
    // First sign-in through the API lands in enrolment; the enrolment page shows the QR code as inline SVG.
    const user = new AdminClient(h.url);
    const first = await user.post('/admin/api/session', { email, password, totp: '' });
    user.csrf = first.json<{ csrfToken: string }>().csrfToken;
    const enrolPage = await user.get('/admin/enrol');
    expect(enrolPage.text).toMatch(/<figure class="qr"[^>]*><svg /);
    expect((await user.get('/admin/queue')).headers.get('location')).toBe('/admin/enrol');
  });

  it('marks the session cookie Secure in production', async () => {
    const prod = await startHarness({ production: true });
    const client = await new AdminClient(prod.url).signIn(prod.login.email, prod.login.password, prod.login.totpSecret);
    expect(client.setCookie).toContain('Secure');
    expect((await client.get('/admin/queue')).headers.get('strict-transport-security')).toBe('max-age=31536000');
    await prod.stop();
  });
});
