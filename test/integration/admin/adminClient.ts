import { currentTotp } from '../../../core/users/totp';

/** The next TOTP code for a secret that no earlier sign-in used (a code is accepted once; the next step is early but valid). */
const lastStep = new Map<string, number>();
export function freshCode(secret: string): string {
  const nowStep = Math.floor(Date.now() / 30_000);
  const step = Math.max(nowStep, (lastStep.get(secret) ?? nowStep - 1) + 1);
  if (step > nowStep + 1) throw new Error('no unused TOTP code left in this 30 s window for this secret');
  lastStep.set(secret, step);
  return currentTotp(secret, new Date(step * 30_000 + 1000));
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

/** A staff member talking to /admin/api with a cookie jar of one cookie and the CSRF token. */
export class AdminClient {
  cookie?: string;
  /** The raw Set-Cookie header of the last answer that set one. */
  setCookie?: string;
  csrf?: string;

  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    opts: { csrf?: boolean; headers?: Record<string, string>; form?: boolean; signal?: AbortSignal } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.cookie && !headers.cookie) headers.cookie = this.cookie;
    let payload: string | undefined;
    if (opts.form) {
      // A page form: urlencoded, with the CSRF token as the hidden `_csrf` field.
      const fields = new URLSearchParams();
      for (const [k, v] of Object.entries((body ?? {}) as Record<string, string | string[]>)) for (const one of [v].flat()) fields.append(k, one);
      if (this.csrf && opts.csrf !== false) fields.set('_csrf', this.csrf);
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = fields.toString();
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    if (!opts.form && this.csrf && opts.csrf !== false && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload, redirect: 'manual', signal: opts.signal });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.setCookie = setCookie;
    const session = setCookie && /heard_admin=([^;]*)/.exec(setCookie);
    if (session) this.cookie = session[1] ? `heard_admin=${session[1]}` : undefined;
    // A stream (server-sent events) never ends: its status is all a caller can wait for.
    const text = res.headers.get('content-type')?.startsWith('text/event-stream') ? '' : await res.text();
    if (!text) await res.body?.cancel().catch(() => undefined);
    return { status: res.status, headers: res.headers, text, json: <T>() => JSON.parse(text) as T };
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});

  /** Signs in with a fresh TOTP code; throws unless it worked. */
  async signIn(email: string, password: string, secret: string): Promise<this> {
    const res = await this.post('/admin/api/session', { email, password, totp: freshCode(secret) });
    if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${res.text}`);
    this.csrf = res.json<{ csrfToken: string }>().csrfToken;
    return this;
  }

  /** First sign-in of a new user: password, then enrolment with the secret from the otpauth URL. Returns the secret. */
  async enrol(email: string, password: string): Promise<string> {
    const first = await this.post('/admin/api/session', { email, password, totp: '' });
    const answer = first.json<{ stage: string; csrfToken: string; otpauthUrl: string }>();
    if (first.status !== 200 || answer.stage !== 'enrol') throw new Error(`expected enrolment, got ${first.status}: ${first.text}`);
    this.csrf = answer.csrfToken;
    const secret = new URL(answer.otpauthUrl).searchParams.get('secret')!;
    const done = await this.post('/admin/api/session/enrol', { totp: freshCode(secret) });
    if (done.status !== 200) throw new Error(`enrolment answered ${done.status}: ${done.text}`);
    this.csrf = done.json<{ csrfToken: string }>().csrfToken;
    return secret;
  }
}
