import { randomUUID } from 'node:crypto';
import { AdminClient, Answer } from './adminClient';
import { report } from './fixtures';
import { Harness, startHarness } from './harness';

type Who = 'none' | 'enrolling' | 'triager' | 'supervisor' | 'admin';
type Outcome = 'ok' | 401 | 403 | 'to-signin' | 'to-enrol';
const T = 'triager';
const S = 'supervisor';
const A = 'admin';

interface Row {
  /** Roles with a full session that may use the route; 'public' and 'enrol' routes say so instead. */
  allowed: (typeof T | typeof S | typeof A)[] | 'public' | 'enrol';
  /** Builds the request (fresh fixtures each time); `cookie` is sent beside the caller's own. */
  make?: (h: Harness, adminClient: AdminClient) => Promise<{ path?: string; body?: unknown; cookie?: string }>;
  /** Where a public route answers differently by caller (the start page sends each to their next step). */
  expect?: Partial<Record<Who, Outcome>>;
  /** The route ends the session that calls it: use a throwaway session of the same role. */
  endsSession?: boolean;
}

const newReport = async (h: Harness) => {
  const r = report();
  await h.reports.create(r, { id: randomUUID(), type: 'report.created', reportId: r.id, risk: r.risk, kind: r.kind, categories: r.categories, locale: r.locale, redactedText: r.redactedText, createdAt: r.createdAt, dueAt: r.dueAt });
  return r.id;
};
const newUser = async (_h: Harness, admin: AdminClient) =>
  (await admin.post('/admin/api/users', { email: `target-${randomUUID().slice(0, 8)}@monitor.example`, name: 'Target', role: 'triager' })).json<{ user: { id: string } }>().user.id;
const newDevice = async (h: Harness) => (await h.devices.create({ facilityId: 'demo-facility', label: 'hall' })).device.id;
const onCase = (suffix: string, body?: unknown) => async (h: Harness) => ({ path: `/cases/${await newReport(h)}${suffix}`, body });
const onApiCase = (suffix: string, body?: unknown) => async (h: Harness) => ({ path: `/api/reports/${await newReport(h)}${suffix}`, body });
const onUser = (prefix: string, suffix: string, body?: unknown) => async (h: Harness, admin: AdminClient) => ({ path: `${prefix}/${await newUser(h, admin)}${suffix}`, body });
const onDevice = (prefix: string) => async (h: Harness) => ({ path: `${prefix}/${await newDevice(h)}/revoke` });
const freshFacility = () => `f-${randomUUID().slice(0, 8)}`;
/** A new user's first sign-in (password only, so no TOTP code is spent): the sign-in routes answer 200 or 303. */
const firstSignIn = async (h: Harness, admin: AdminClient) => {
  const email = `s-${randomUUID().slice(0, 8)}@monitor.example`;
  const password = (await admin.post('/admin/api/users', { email, name: 'New', role: 'triager' })).json<{ password: string }>().password;
  return { email, password, totp: '' };
};
/** The sign-in form's double-submit token, as a browser gets it from GET /signin. */
const signInForm = async (h: Harness, admin: AdminClient) => {
  const page = await fetch(`${h.url}/admin/signin`);
  const token = /heard_admin_pre=([\w-]+)/.exec(page.headers.get('set-cookie') ?? '')![1];
  return { body: { ...(await firstSignIn(h, admin)), _csrf: token }, cookie: `heard_admin_pre=${token}` };
};

/**
 * Every admin route and who may use it. A route missing here fails the test: adding a route means deciding, in this
 * table, who may call it.
 */
const MATRIX: Record<string, Row> = {
  'GET /': { allowed: 'public', expect: { none: 'to-signin', enrolling: 'to-enrol' } },
  'GET /signin': { allowed: 'public' },
  'POST /signin': {
    allowed: 'public',
    make: signInForm,
    // A new user's password is right, so each caller is sent on to set up their authenticator.
    expect: { none: 'to-enrol', enrolling: 'to-enrol', triager: 'to-enrol', supervisor: 'to-enrol', admin: 'to-enrol' },
  },
  'GET /enrol': { allowed: 'enrol' },
  'POST /enrol': { allowed: 'enrol', make: async () => ({ body: { totp: '000000' } }) },
  'POST /signout': { allowed: [T, S, A], endsSession: true },
  'GET /static/admin.css': { allowed: 'public' },
  'GET /static/admin.js': { allowed: 'public' },
  'GET /queue': { allowed: [T, S, A] },
  'GET /cases/:id': { allowed: [T, S, A], make: onCase('') },
  'POST /cases/:id/original': { allowed: [T, S, A], make: onCase('/original') },
  'POST /cases/:id/status': { allowed: [T, S, A], make: onCase('/status', { status: 'acknowledged', note: 'seen' }) },
  'POST /cases/:id/assignee': { allowed: [T, S, A], make: onCase('/assignee', { userId: '' }) },
  'POST /cases/:id/notes': { allowed: [T, S, A], make: onCase('/notes', { kind: 'internal', text: 'note' }) },
  'GET /stats': { allowed: [S, A] },
  'GET /audit': { allowed: [S, A] },
  'GET /facilities': { allowed: [A] },
  'POST /facilities': { allowed: [A], make: async () => ({ body: { id: freshFacility(), name: 'Home', country: 'TH', kind: 'shelter' } }) },
  'GET /users': { allowed: [A] },
  'POST /users': { allowed: [A], make: async () => ({ body: { email: `p-${randomUUID().slice(0, 8)}@monitor.example`, name: 'New', role: 'triager' } }) },
  'POST /users/:id': { allowed: [A], make: onUser('/users', '', { role: 'supervisor' }) },
  'POST /users/:id/reset-totp': { allowed: [A], make: onUser('/users', '/reset-totp') },
  'POST /users/:id/reset-password': { allowed: [A], make: onUser('/users', '/reset-password') },
  'GET /devices': { allowed: [A] },
  'POST /devices': { allowed: [A], make: async () => ({ body: { facilityId: 'demo-facility', label: 'Common room' } }) },
  'POST /devices/:id/revoke': { allowed: [A], make: onDevice('/devices') },
  'GET /content': { allowed: [A] },
  'POST /api/session': { allowed: 'public', make: async (h, admin) => ({ body: await firstSignIn(h, admin) }) },
  'POST /api/session/enrol': { allowed: 'enrol', make: async () => ({ body: { totp: '000000' } }) },
  'GET /api/session': { allowed: [T, S, A] },
  'DELETE /api/session': { allowed: [T, S, A], endsSession: true },
  'GET /api/reports': { allowed: [T, S, A] },
  'GET /api/reports/stream': { allowed: [T, S, A] },
  'GET /api/reports/:id': { allowed: [T, S, A], make: onApiCase('') },
  'POST /api/reports/:id/original': { allowed: [T, S, A], make: onApiCase('/original', {}) },
  'POST /api/reports/:id/status': { allowed: [T, S, A], make: onApiCase('/status', { status: 'acknowledged', note: 'seen' }) },
  'PUT /api/reports/:id/assignee': { allowed: [T, S, A], make: onApiCase('/assignee', { userId: null }) },
  'POST /api/reports/:id/notes': { allowed: [T, S, A], make: onApiCase('/notes', { kind: 'reply', text: 'We hear you.' }) },
  'GET /api/staff': { allowed: [T, S, A] },
  'GET /api/stats': { allowed: [S, A] },
  'GET /api/exports/reports.csv': { allowed: [S, A] },
  'GET /api/exports/statistics.csv': { allowed: [S, A] },
  'GET /api/exports/publishable.csv': { allowed: [S, A] },
  'GET /api/audit': { allowed: [S, A] },
  'GET /api/exports/audit.csv': { allowed: [S, A] },
  'GET /api/facilities': { allowed: [T, S, A] },
  'PUT /api/facilities/:id': { allowed: [A], make: async () => ({ path: `/api/facilities/${freshFacility()}`, body: { name: 'Home', country: 'TH', kind: 'shelter' } }) },
  'GET /api/users': { allowed: [A] },
  'POST /api/users': { allowed: [A], make: async () => ({ body: { email: `a-${randomUUID().slice(0, 8)}@monitor.example`, name: 'New', role: 'triager' } }) },
  'PATCH /api/users/:id': { allowed: [A], make: onUser('/api/users', '', { role: 'supervisor' }) },
  'POST /api/users/:id/reset-totp': { allowed: [A], make: onUser('/api/users', '/reset-totp', {}) },
  'POST /api/users/:id/reset-password': { allowed: [A], make: onUser('/api/users', '/reset-password', {}) },
  'GET /api/devices': { allowed: [A] },
  'POST /api/devices': { allowed: [A], make: async () => ({ body: { facilityId: 'demo-facility', label: 'Common room' } }) },
  'POST /api/devices/:id/revoke': { allowed: [A], make: async (h) => ({ path: `/api/devices/${await newDevice(h)}/revoke`, body: {} }) },
  'GET /api/content': { allowed: [A] },
  'GET /api/openapi.json': { allowed: [T, S, A] },
};

/** What each kind of caller must get: the API says 401/403, pages redirect to sign-in (or enrolment) or say 403. */
function expected(row: Row, who: Who, api: boolean): Outcome {
  if (row.allowed === 'public') return row.expect?.[who] ?? 'ok';
  if (who === 'none') return api ? 401 : 'to-signin';
  if (row.allowed === 'enrol') return who === 'enrolling' ? 'ok' : 403;
  if (who === 'enrolling') return api ? 401 : 'to-enrol';
  return row.allowed.includes(who) ? 'ok' : 403;
}

function outcome(res: Answer): Outcome | number {
  const location = res.headers.get('location') ?? '';
  if (res.status === 303 && location === '/admin/signin') return 'to-signin';
  if (res.status === 303 && location === '/admin/enrol') return 'to-enrol';
  if (res.status === 401 || res.status === 403) return res.status;
  // An enrolment code of 000000 is refused with 400 after the guard let the request through.
  if (res.status < 400 || res.status === 400) return 'ok';
  return res.status;
}

describe('role × endpoint matrix', () => {
  let h: Harness;
  let admin: AdminClient;
  const clients = {} as Record<Who, AdminClient>;
  const enrol = async (role: 'triager' | 'supervisor' | 'admin', finish: boolean) => {
    const email = `${role}-${randomUUID().slice(0, 8)}@monitor.example`;
    const created = await admin.post('/admin/api/users', { email, name: role, role, facilityIds: ['demo-facility'] });
    const password = created.json<{ password: string }>().password;
    const client = new AdminClient(h.url);
    if (finish) await client.enrol(email, password);
    else client.csrf = (await client.post('/admin/api/session', { email, password, totp: '' })).json<{ csrfToken: string }>().csrfToken;
    return client;
  };

  beforeAll(async () => {
    h = await startHarness();
    admin = await new AdminClient(h.url).signIn(h.login.email, h.login.password, h.login.totpSecret);
    clients.none = new AdminClient(h.url);
    clients.admin = await enrol('admin', true);
    clients.supervisor = await enrol('supervisor', true);
    clients.triager = await enrol('triager', true);
    clients.enrolling = await enrol('triager', false);
  });
  afterAll(() => h.stop());

  it('has a row for every route the admin app declares, and no row for a route it does not', () => {
    const declared = h.admin.routes.specs.map((s) => `${s.method.toUpperCase()} ${s.path}`).sort();
    expect(declared).toEqual(Object.keys(MATRIX).sort());
  });

  const cases = Object.entries(MATRIX).flatMap(([key, row]) => (['none', 'enrolling', 'triager', 'supervisor', 'admin'] as Who[]).map((who) => [key, who, row] as const));
  it.each(cases)('%s as %s', async (key, who, row) => {
    const [method, route] = key.split(' ');
    const api = route.startsWith('/api/');
    const made = row.make ? await row.make(h, admin) : {};
    const path = `/admin${made.path ?? route}`.replace(/\/$/, '') || '/admin';
    // A copy, so a sign-in answered with a new cookie does not change who the shared callers are.
    const shared = row.endsSession && who !== 'none' && who !== 'enrolling' ? await enrol(who, true) : clients[who];
    const client = Object.assign(new AdminClient(h.url), { cookie: shared.cookie, csrf: shared.csrf });
    const abort = new AbortController();
    const cookie = made.cookie ? { cookie: [client.cookie, made.cookie].filter(Boolean).join('; ') } : undefined;
    const res = await client.request(method, path === '/admin' ? '/admin/' : path, made.body ?? (method === 'GET' ? undefined : {}), {
      form: !api && method !== 'GET',
      signal: abort.signal,
      headers: cookie,
      csrf: !made.cookie,
    });
    abort.abort();
    expect(outcome(res)).toBe(expected(row, who, api));
  });
});
