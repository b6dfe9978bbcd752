import { currentTotp } from '../../core/users/totp';
import { HttpClient, HttpError } from './httpClient';

/** A part of the service the bench needs is missing from this build: that measurement reports "unavailable". */
export class Unavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export interface AdminLogin {
  email: string;
  password: string;
  totpSecret: string;
}

/** A monitoring staff session on /admin/api (cookie + CSRF token), signed in as the bootstrap admin. */
export class AdminSession {
  private constructor(
    private readonly http: HttpClient,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async signIn(http: HttpClient, login: AdminLogin): Promise<AdminSession> {
    const res = await http.request('POST', '/admin/api/session', {
      email: login.email,
      password: login.password,
      totp: currentTotp(login.totpSecret),
    });
    if (res.status === 404) throw new Unavailable('the admin API (/admin/api/session) is not in this build');
    if (res.status !== 200)
      throw new Unavailable(`admin sign-in answered ${res.status}: ${res.body.slice(0, 200)}`);
    const cookie = /heard_admin=[^;]*/.exec(String(res.headers['set-cookie'] ?? ''))?.[0];
    if (!cookie) throw new Unavailable('admin sign-in set no session cookie');
    return new AdminSession(http, cookie, (JSON.parse(res.body) as { csrfToken: string }).csrfToken);
  }

  json<T>(method: string, path: string, body?: unknown, expect: number[] = [200]): Promise<T> {
    return this.http.json<T>(method, path, body, { cookie: this.cookie, 'x-csrf-token': this.csrf }, expect);
  }
}

export const BENCH_FACILITY = {
  id: 'bench-home',
  name: 'Bench children’s home',
  country: 'TH',
  kind: 'children_home',
};

/** Creates the bench's care home (so the survey lists it). */
export async function createFacility(admin: AdminSession): Promise<string> {
  const { id, ...body } = BENCH_FACILITY;
  await admin.json('PUT', `/admin/api/facilities/${id}`, body);
  return BENCH_FACILITY.name;
}

/** A new kiosk device for the bench's home: its one-time enrolment code. */
export async function newEnrolmentCode(admin: AdminSession, label: string): Promise<string> {
  const created = await admin
    .json<{ enrolmentUrl: string }>(
      'POST',
      '/admin/api/devices',
      { facilityId: BENCH_FACILITY.id, label },
      [201],
    )
    .catch((err: unknown) => {
      if (err instanceof HttpError && err.status === 404)
        throw new Unavailable('kiosk device administration is not in this build', { cause: err });
      throw err;
    });
  const code = /#enrol=([^&]+)/.exec(created.enrolmentUrl)?.[1];
  if (!code) throw new Unavailable(`no enrolment code in ${created.enrolmentUrl}`);
  return decodeURIComponent(code);
}

/** Enrols a device as a tablet would (POST /kiosk/api/enrol): its device key for Direct Line. */
export async function enrolDevice(http: HttpClient, code: string): Promise<string> {
  const res = await http.request('POST', '/kiosk/api/enrol', { code });
  if (res.status === 404) throw new Unavailable('kiosk enrolment (/kiosk/api/enrol) is not in this build');
  if (res.status !== 200)
    throw new Unavailable(`kiosk enrolment answered ${res.status}: ${res.body.slice(0, 200)}`);
  return (JSON.parse(res.body) as { deviceKey: string }).deviceKey;
}
