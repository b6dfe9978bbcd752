import { RunningApp } from '../../support/testApp';
import { AdminClient } from './adminClient';
import { ADMIN, fileReport, signedInAdmin, staffMember, startAdminApp } from './fixtures';

describe('admin JSON API', () => {
  let running: RunningApp;
  let admin: AdminClient;
  beforeAll(async () => {
    running = await startAdminApp();
    admin = await signedInAdmin(running.url);
  });
  afterAll(() => running.stop());

  it('signs in with email, password and TOTP: an HttpOnly, SameSite=Strict cookie on /admin and a CSRF token', async () => {
    const client = await new AdminClient(running.url).signIn(ADMIN.email, ADMIN.password, ADMIN.totpSecret);
    expect(client.csrf).toMatch(/^[\w-]{32,}$/);
    expect(client.setCookie).toMatch(/^heard_admin=[\w-]+;/);
    expect(client.setCookie).toContain('HttpOnly');
    expect(client.setCookie).toContain('SameSite=Strict');
    expect(client.setCookie).toContain('Path=/admin');
    expect(client.setCookie).not.toContain('Secure'); // not production
    const me = await client.get('/admin/api/session');
    expect(me.json()).toMatchObject({ stage: 'full', user: { email: ADMIN.email, role: 'admin' } });
  });

  it('lists the queue: urgent new first, then overdue, then by due time', async () => {
    const now = Date.now();
    const later = await fileReport(running, { risk: 'concern', dueAt: new Date(now + 5 * 3_600_000).toISOString() });
    const soon = await fileReport(running, { risk: 'none', kind: 'complaint', dueAt: new Date(now + 3_600_000).toISOString() });
    const overdue = await fileReport(running, { risk: 'concern', dueAt: new Date(now - 3_600_000).toISOString() });
    const urgent = await fileReport(running, { risk: 'urgent', dueAt: new Date(now + 50 * 60_000).toISOString() });
    const res = await admin.get('/admin/api/reports?status=open');
    expect(res.status).toBe(200);
    const ids = res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
    const order = [urgent, overdue, soon, later].map((r) => ids.indexOf(r.id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBe(0);
    const item = res.json<{ items: Record<string, unknown>[] }>().items[0];
    expect(Object.keys(item)).toEqual(expect.arrayContaining(['id', 'kind', 'risk', 'categories', 'status', 'facilityId', 'locale', 'createdAt', 'dueAt']));
    expect(JSON.stringify(res.json())).not.toContain('redactedText');
  });

  it('filters the queue and validates the filter', async () => {
    const th = await fileReport(running, { locale: 'th', risk: 'urgent', categories: ['detention'] });
    const res = await admin.get('/admin/api/reports?locale=th&risk=urgent&category=detention');
    expect(res.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([th.id]);
    const bad = await admin.get('/admin/api/reports?risk=catastrophic');
    expect(bad.status).toBe(400);
    expect(bad.json<{ issues: { path: string }[] }>().issues[0].path).toMatch(/^risk/);
  });

  it('opens a case (audited), shows the original on request (audited), changes status with a note, replies', async () => {
    const filed = await running.heard.reports.file({
      kind: 'concern',
      risk: 'urgent',
      categories: ['physical_abuse'],
      reasons: ['staff hit'],
      text: 'My name is Somchai and the night guard hits us. Call me on 0812345678',
      locale: 'en',
      channelId: 'directline',
      pseudonym: 'p_case_test',
      facilityId: 'demo-facility',
      wantsReply: true,
    });
    const id = filed.report.id;
    const view = await admin.get(`/admin/api/reports/${id}`);
    expect(view.status).toBe(200);
    expect(view.json()).toMatchObject({ id, status: 'new', hasOriginal: true, nextStatuses: ['acknowledged'] });
    expect(view.text).not.toContain('Somchai');
    expect(view.text).not.toContain('0812345678');

    const original = await admin.post(`/admin/api/reports/${id}/original`);
    expect(original.json()).toEqual({ text: 'My name is Somchai and the night guard hits us. Call me on 0812345678' });

    const noNote = await admin.post(`/admin/api/reports/${id}/status`, { status: 'acknowledged', note: '  ' });
    expect(noNote.status).toBe(400);
    const skip = await admin.post(`/admin/api/reports/${id}/status`, { status: 'closed', note: 'skipping ahead' });
    expect(skip.status).toBe(409);
    const ack = await admin.post(`/admin/api/reports/${id}/status`, { status: 'acknowledged', note: 'Called the home manager' });
    expect(ack.json()).toMatchObject({ status: 'acknowledged', nextStatuses: ['in_progress', 'closed'] });
    expect(ack.json<{ acknowledgedAt: string }>().acknowledgedAt).toBeDefined();

    const reply = await admin.post(`/admin/api/reports/${id}/notes`, { kind: 'reply', text: 'We are visiting your home this week.' });
    expect(reply.status).toBe(200);
    await admin.post(`/admin/api/reports/${id}/notes`, { kind: 'internal', text: 'Staff only: check the rota' });
    const check = await running.heard.reports.check(filed.receiptCode, 'p_case_test');
    expect(check).toMatchObject({ found: true, status: 'acknowledged', replies: [{ text: 'We are visiting your home this week.' }] });

    const audit = await admin.get(`/admin/api/audit?target=${id}`);
    const actions = audit.json<{ items: { action: string; actor: string; at: string; target: string }[] }>().items.map((e) => e.action);
    expect(actions).toEqual(['report.note', 'report.reply', 'report.status', 'report.original', 'report.view']);
    expect(audit.json<{ items: { actor: string }[] }>().items.every((e) => e.actor === ADMIN.email)).toBe(true);
  });

  it('assigns a case to a staff member and back to nobody', async () => {
    const r = await fileReport(running);
    const staff = await admin.get('/admin/api/staff');
    const me = staff.json<{ items: { id: string; email: string }[] }>().items.find((u) => u.email === ADMIN.email)!;
    expect((await admin.request('PUT', `/admin/api/reports/${r.id}/assignee`, { userId: me.id })).json()).toMatchObject({ assignee: ADMIN.email });
    expect((await admin.request('PUT', `/admin/api/reports/${r.id}/assignee`, { userId: null })).json<{ assignee?: string }>().assignee).toBeUndefined();
    expect((await admin.request('PUT', `/admin/api/reports/${r.id}/assignee`, { userId: 'nobody-like-this' })).status).toBe(404);
  });

  it('refuses a state-changing call without the CSRF token, or with another session’s', async () => {
    const r = await fileReport(running);
    const other = await staffMember(running.url, admin, 'supervisor');
    const none = await admin.request('POST', `/admin/api/reports/${r.id}/notes`, { kind: 'internal', text: 'x' }, { csrf: false });
    expect(none.status).toBe(403);
    const wrong = await admin.request('POST', `/admin/api/reports/${r.id}/notes`, { kind: 'internal', text: 'x' }, { csrf: false, headers: { 'x-csrf-token': other.csrf! } });
    expect(wrong.status).toBe(403);
    expect((await running.heard.stores.reports.get(r.id))?.notes).toEqual([]);
  });

  it('shows a triager only the cases of their facilities, and hides the others as not found', async () => {
    await running.heard.stores.facilities.upsert({ id: 'north-home', name: 'North Home', country: 'TH', kind: 'children_home' });
    const mine = await fileReport(running, { facilityId: 'north-home' });
    const theirs = await fileReport(running, { facilityId: 'demo-facility' });
    const triager = await staffMember(running.url, admin, 'triager', ['north-home']);
    const queue = (await triager.get('/admin/api/reports?status=all')).json<{ items: { facilityId: string }[] }>().items;
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.every((i) => i.facilityId === 'north-home')).toBe(true);
    expect((await triager.get(`/admin/api/reports/${mine.id}`)).status).toBe(200);
    expect((await triager.get(`/admin/api/reports/${theirs.id}`)).status).toBe(404);
    expect((await triager.post(`/admin/api/reports/${theirs.id}/original`)).status).toBe(404);
    expect((await triager.get('/admin/api/reports?facility=demo-facility')).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('answers 401 without a session and signs out for good', async () => {
    expect((await new AdminClient(running.url).get('/admin/api/reports')).status).toBe(401);
    const client = await staffMember(running.url, admin, 'supervisor');
    const cookie = client.cookie;
    expect((await client.request('DELETE', '/admin/api/session')).status).toBe(204);
    const replayed = await fetch(`${running.url}/admin/api/reports`, { headers: { cookie: cookie! } });
    expect(replayed.status).toBe(401);
  });

  it('serves an OpenAPI 3.1 document generated from the schemas', async () => {
    const doc = (await admin.get('/admin/api/openapi.json')).json<{ openapi: string; paths: Record<string, Record<string, { 'x-permission': string; requestBody?: unknown }>> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/admin/api/session'].post.requestBody).toMatchObject({
      content: { 'application/json': { schema: { properties: { email: {}, password: {}, totp: {} } } } },
    });
    expect(doc.paths['/admin/api/reports/{id}'].get['x-permission']).toBe('cases.read');
    expect(Object.keys(doc.paths).every((p) => p.startsWith('/admin/api/'))).toBe(true);
  });
});
