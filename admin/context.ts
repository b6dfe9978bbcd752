import { Response } from 'express';
import { AuditLog } from '../core/audit/types';
import { ReportStore } from '../core/cases/types';
import { FacilityStore } from '../core/facilities/types';
import { SessionStore } from '../core/sessions/types';
import { ABSOLUTE_MS } from '../core/sessions/sessionPolicy';
import { UserStore } from '../core/users/types';
import { LocaleMeta } from '../content/contentSchema';
import { HelplineEntry } from '../content/helplinesSchema';
import { setCookie, SESSION_COOKIE } from './auth/cookies';
import { Routes } from './auth/route';
import { SignIn } from './auth/signIn';
import { CaseWork } from './cases/caseWork';
import { LiveFeed } from './cases/liveFeed';
import { DeviceAdmin } from './devices';
import { ViewsStore } from '../core/views/types';
import { StatsService } from './stats/statsService';
import { UserAdmin } from './users/userAdmin';

export interface AdminLog {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** What every route module receives: the route helper and the services; nothing chooses an implementation here. */
export interface AdminContext {
  routes: Routes;
  signIn: SignIn;
  cases: CaseWork;
  stats: StatsService;
  userAdmin: UserAdmin;
  feed: LiveFeed;
  reports: ReportStore;
  users: UserStore;
  audit: AuditLog;
  sessions: SessionStore;
  facilities: FacilityStore;
  devices?: DeviceAdmin;
  views?: ViewsStore;
  content: { meta: Record<string, LocaleMeta>; helplines: HelplineEntry[] };
  viewsMinGroup: number;
  secureCookies: boolean;
  log: AdminLog;
  now: () => Date;
}

/** Gives the browser the session cookie for a new session. */
export function sessionCookie(ctx: AdminContext, res: Response, token: string): void {
  setCookie(res, SESSION_COOKIE, token, { secure: ctx.secureCookies, maxAgeSeconds: ABSOLUTE_MS / 1000 });
}
