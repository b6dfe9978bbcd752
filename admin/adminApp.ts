import express, { Router } from 'express';
import { AuditLog } from '../core/audit/types';
import { Sla } from '../core/cases/sla';
import { Note, Report, ReportStore } from '../core/cases/types';
import { FacilityStore } from '../core/facilities/types';
import { TextSealer } from '../core/privacy/textSealer';
import { RateLimiter } from '../core/store/types';
import { UserStore } from '../core/users/types';
import { LocaleMeta } from '../content/contentSchema';
import { HelplineEntry } from '../content/helplinesSchema';
import { createDemoAdmin, DemoLogin, ensureBootstrapAdmin } from './auth/bootstrap';
import { Routes } from './auth/route';
import { sessionLoader } from './auth/sessionLoader';
import { SignIn } from './auth/signIn';
import { CaseWork } from './cases/caseWork';
import { LiveFeed } from './cases/liveFeed';
import { Translator } from './cases/translator';
import { AdminContext, AdminLog } from './context';
import { DeviceAdmin } from './devices';
import { adminErrorHandler, notFound } from './errorHandler';
import { securityHeaders } from './securityHeaders';
import { StaffStores } from './staffStores';
import { StatsService } from './stats/statsService';
import { ViewsStore } from '../core/views/types';
import { UserAdmin } from './users/userAdmin';
import { sessionApi } from './api/sessionApi';
import { reportsApi } from './api/reportsApi';
import { statsApi } from './api/statsApi';
import { auditApi } from './api/auditApi';
import { adminApi } from './api/adminApi';
import { openApiRoute } from './api/openapiRoute';
import { staticRoutes } from './pages/staticRoutes';
import { signInRoutes } from './pages/signInRoutes';
import { queuePage } from './pages/queuePage';
import { casePage } from './pages/casePage';
import { statsPage } from './pages/statsPage';
import { auditPage } from './pages/auditPage';
import { facilitiesPage } from './pages/facilitiesPage';
import { usersPage } from './pages/usersPage';
import { devicesPage } from './pages/devicesPage';
import { contentPage } from './pages/contentPage';

export interface AdminDeps {
  reports: ReportStore;
  limiter: RateLimiter;
  sealer: TextSealer;
  stores: StaffStores;
  facilities: FacilityStore;
  sla: Sla;
  content: { meta: Record<string, LocaleMeta>; helplines: HelplineEntry[] };
  viewsMinGroup: number;
  /** Secure cookies and HSTS. */
  production: boolean;
  log: AdminLog;
  translator?: Translator;
  devices?: DeviceAdmin;
  views?: ViewsStore;
  /** Also deliver a staff reply on the child's channel (proactive message), when the bot can. */
  onReply?: (report: Report, note: Note) => Promise<void>;
  /** How often the live queue looks for reports filed by another process. */
  livePollMs?: number;
  now?: () => Date;
}

export interface AdminApp {
  /** Mount at /admin. */
  router: Router;
  users: UserStore;
  audit: AuditLog;
  /** Every route with its permission and schemas (the OpenAPI document and the role matrix test read these). */
  routes: Routes;
  /** Wire to ReportService's `onFiled`: open queues hear of a new report at once instead of at the next poll. */
  notifyFiled(report: Report): void;
  /** Creates the first admin from ADMIN_BOOTSTRAP_* if absent; true if it did. */
  bootstrap(env: { email: string; password: string; totpSecret: string }): Promise<boolean>;
  /** Embedded default only: a demo admin with fresh random credentials, to print at start. */
  createDemoAdmin(): Promise<DemoLogin>;
  close(): void;
}

/** Builds the monitoring body's admin app (pages and JSON API) on the ports it is given. */
export function createAdmin(deps: AdminDeps): AdminApp {
  const now = deps.now ?? (() => new Date());
  const { users, audit, sessions } = deps.stores;
  const { facilities } = deps;
  const router = express.Router();
  const routes = new Routes(router, sessions, now);
  const feed = new LiveFeed(deps.reports, { pollMs: deps.livePollMs ?? 3000, onError: (err) => deps.log.warn({ err }, 'live queue poll failed') });
  const ctx: AdminContext = {
    routes,
    signIn: new SignIn({ users, sessions, audit, limiter: deps.limiter, now }),
    cases: new CaseWork({
      reports: deps.reports,
      audit,
      users,
      sealer: deps.sealer,
      sla: deps.sla,
      translator: deps.translator,
      onReply: deps.onReply,
      onError: (err, what) => deps.log.error({ err }, what),
      now,
    }),
    stats: new StatsService({ reports: deps.reports, facilities, audit, views: deps.views, minGroup: deps.viewsMinGroup, now }),
    userAdmin: new UserAdmin({ users, sessions, audit, now }),
    feed,
    reports: deps.reports,
    users,
    audit,
    sessions,
    facilities,
    devices: deps.devices,
    views: deps.views,
    content: deps.content,
    viewsMinGroup: deps.viewsMinGroup,
    secureCookies: deps.production,
    log: deps.log,
    now,
  };

  router.use(securityHeaders(deps.production));
  router.use(sessionLoader(sessions, users));
  for (const register of [
    staticRoutes,
    signInRoutes,
    queuePage,
    casePage,
    statsPage,
    auditPage,
    facilitiesPage,
    usersPage,
    devicesPage,
    contentPage,
    sessionApi,
    reportsApi,
    statsApi,
    auditApi,
    adminApi,
    openApiRoute,
  ]) {
    register(ctx);
  }
  router.use(notFound);
  router.use(adminErrorHandler(deps.log));

  return {
    router,
    users,
    audit,
    routes,
    notifyFiled: (report) => feed.notify(report),
    bootstrap: (env) => ensureBootstrapAdmin(users, audit, env, now()),
    createDemoAdmin: () => createDemoAdmin(users, audit, now()),
    close: () => feed.stop(),
  };
}
