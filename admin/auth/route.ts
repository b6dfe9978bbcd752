import express, { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { IDLE_MS, touched } from '../../core/sessions/sessionPolicy';
import { SessionStore } from '../../core/sessions/types';
import { AdminError, BadInput, Forbidden, NotFound } from '../errors';
import { readCookie, PRESESSION_COOKIE } from './cookies';
import { can, Permission } from './permissions';
import { Staff, staffOf } from './staff';

/** No session (or a session at the wrong stage): pages redirect to `redirect`, the API answers 401. */
export class SignInRequired extends AdminError {
  constructor(readonly redirect: string) {
    super('sign-in required', 401);
  }
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteSpec<P extends Permission, B, Q> {
  method: Method;
  /** Relative to /admin, express syntax (`/api/reports/:id`). */
  path: string;
  /** What the route needs. Required: a route cannot be declared without saying who may use it. */
  permission: P;
  /** `api` routes take JSON and a CSRF header; `page` routes take forms with a hidden CSRF field. */
  kind: 'api' | 'page';
  summary: string;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  /** Documents the JSON answer in the OpenAPI document. */
  response?: z.ZodType;
  /** Content type of the answer when it is not JSON (OpenAPI). */
  produces?: 'text/csv' | 'text/event-stream' | 'text/html' | 'text/css' | 'text/javascript';
  /** A request that does not count as activity for the idle timeout (the live stream). */
  passive?: boolean;
}

export interface RouteContext<B, Q> {
  req: Request;
  res: Response;
  body: B;
  query: Q;
  params: Record<string, string>;
  ip: string;
}
export type StaffContext<B, Q> = RouteContext<B, Q> & { staff: Staff };
export type Handler<P extends Permission, B, Q> = (ctx: P extends 'public' ? RouteContext<B, Q> & { staff?: Staff } : StaffContext<B, Q>) => Promise<void>;

/** A guard handler: carries the permission it enforces, so a test can walk the router and find undeclared routes. */
export type Guard = RequestHandler & { permission: Permission };

const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);
const TOUCH_EVERY_MS = 60_000;
// Ids, slugs and uuids; anything else in a path parameter cannot name one of ours.
const SAFE_PARAM = /^[A-Za-z0-9_.:-]{1,100}$/;

/**
 * The only way to add an admin route: `add` requires a permission and puts its guard first in the route's stack.
 * Keeps every spec for the OpenAPI document.
 */
export class Routes {
  readonly specs: RouteSpec<Permission, unknown, unknown>[] = [];
  private readonly json = express.json({ limit: '64kb' });
  private readonly form = express.urlencoded({ extended: false, limit: '64kb' });

  constructor(
    readonly router: Router,
    private readonly sessions: SessionStore,
    private readonly now: () => Date,
  ) {}

  add<P extends Permission, B = undefined, Q = undefined>(spec: RouteSpec<P, B, Q>, handler: Handler<P, B, Q>): void {
    this.specs.push(spec as RouteSpec<Permission, unknown, unknown>);
    const guard = this.guard(spec) as Guard;
    guard.permission = spec.permission;
    const parse = spec.kind === 'api' ? this.json : this.form;
    const csrf: RequestHandler = (req, res, next) => next(this.csrfError(spec, req, res));
    const run: RequestHandler = (req, res, next) => {
      let ctx: RouteContext<B, Q> & { staff?: Staff };
      if (!Object.values(req.params as Record<string, string>).every((v) => SAFE_PARAM.test(v))) return next(new NotFound('resource'));
      try {
        ctx = {
          req,
          res,
          staff: staffOf(res),
          params: req.params as Record<string, string>,
          ip: req.ip ?? 'unknown',
          body: parseOrThrow(spec.body, req.body, 'body'),
          query: parseOrThrow(spec.query, req.query, 'query'),
        };
      } catch (err) {
        return next(err);
      }
      (handler as (c: typeof ctx) => Promise<void>)(ctx).catch(next);
    };
    this.router[spec.method](spec.path, guard, parse, csrf, run);
  }

  private guard<P extends Permission>(spec: RouteSpec<P, unknown, unknown>): RequestHandler {
    const { permission } = spec;
    return (req: Request, res: Response, next: NextFunction) => {
      if (permission === 'public') return next();
      const staff = staffOf(res);
      if (!staff) return next(new SignInRequired('/admin/signin'));
      if (permission === 'enrol') return next(staff.session.stage === 'enrol' ? undefined : new Forbidden('not enrolling'));
      if (staff.session.stage !== 'full') return next(new SignInRequired('/admin/enrol'));
      if (!can(staff.user.role, permission)) return next(new Forbidden(`${staff.user.role} lacks ${permission}`));
      if (spec.passive) return next();
      this.touch(staff).then(() => next(), next);
    };
  }

  // Writing on every request would double the store traffic; moving the idle limit once a minute is enough.
  private async touch(staff: Staff): Promise<void> {
    const now = this.now();
    if (Date.parse(staff.session.idleExpiresAt) - now.getTime() > IDLE_MS - TOUCH_EVERY_MS) return;
    await this.sessions.update(staff.session.id, (s) => touched(s, now));
  }

  private csrfError(spec: RouteSpec<Permission, unknown, unknown>, req: Request, res: Response): Error | undefined {
    if (!UNSAFE.has(spec.method)) return undefined;
    const sent = spec.kind === 'api' ? req.get('x-csrf-token') : formField(req.body, '_csrf');
    if (spec.permission === 'public') {
      // Before a session exists: the API needs a JSON body (a cross-site form cannot send one without CORS);
      // a form must echo its double-submit cookie.
      if (spec.kind === 'api') return req.is('application/json') ? undefined : new BadInput('JSON body required');
      const cookie = readCookie(req, PRESESSION_COOKIE);
      return cookie && sent && same(cookie, sent) ? undefined : new Forbidden('sign-in form token mismatch');
    }
    const expected = staffOf(res)?.session.csrfToken;
    return expected && sent && same(expected, sent) ? undefined : new Forbidden('CSRF token missing or wrong');
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function formField(body: unknown, name: string): string | undefined {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : undefined;
}

function parseOrThrow<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw new InvalidRequest(where, parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

/** A body or query that failed its schema: the API may tell which fields (never their values). */
export class InvalidRequest extends BadInput {
  constructor(
    readonly where: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`invalid ${where}`);
  }
}
