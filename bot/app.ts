import express, { NextFunction, Request, Response } from 'express';
import path from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, UserState } from 'botbuilder';
import { Config } from './config';
import { createLogger, Logger } from './logger';
import { createMetrics, Metrics } from './metrics';
import { openStores, Stores } from './stores';
import { HeardBot } from './heardBot';
import { messagesRoute } from './channels/botframework/messagesRoute';
import { unauthorizedOnBadToken } from './channels/botframework/strictAuthentication';
import { reusingClients } from './channels/botframework/reusedClients';
import { createDirectLine, DirectLineChannel } from './channels/directline/directLine';
import { directLineKey } from './channels/directline/secretPurposes';
import { kioskRoutes } from './channels/kiosk/kioskRoutes';
import { kioskAssets } from './channels/kiosk/kioskAssets';
import { kioskChoiceTags } from './channels/kiosk/choiceTags';
import { demoKioskDevice, kioskDeviceAdmin, openDeviceRegistry } from './channels/kiosk/kioskDevices';
import { DeviceRegistry } from '../core/devices/deviceRegistry';
import { loadContent, Content, readJson } from '../content/loadContent';
import { Helplines } from '../content/helplines';
import { helplinesFileSchema } from '../content/helplinesSchema';
import { SecretKeys } from '../core/privacy/secretKeys';
import { ProtectedStateStorage } from '../core/store/protectedStateStorage';
import { FallbackStateStorage } from '../core/store/fallbackStateStorage';
import { DialogDeps } from '../dialogs/dialogDeps';
import { RootDialog } from '../dialogs/rootDialog';
import { MainMenuDialog } from '../dialogs/mainMenuDialog';
import { HelpNowDialog } from '../dialogs/helpNowDialog';
import { turnFacts } from '../dialogs/childProfile';
import { ComplaintDialog } from '../dialogs/complaintDialog';
import { CheckReportDialog } from '../dialogs/checkReportDialog';
import { RightsDialog } from '../dialogs/rightsDialog';
import { SurveyDialog } from '../dialogs/surveyDialog';
import { ViewsService } from '../core/views/viewsService';
import { ConcernSpool } from '../core/cases/concernSpool';
import { ReportService } from '../core/cases/reportService';
import { DEFAULT_SLA } from '../core/cases/sla';
import { TextSealer } from '../core/privacy/textSealer';
import { concernFiler, ScreenText } from './safeguarding';
import { startSpoolReplay } from './spoolReplay';
import { startRetentionPurge } from './retentionPurge';
import { proactiveReplier } from './proactiveReply';
import { Note, Report } from '../core/cases/types';
import { buildScreening, contentWords } from './screener';
import { createNotifiers } from '../core/notify/notifiers';
import { createNotifyMetrics } from '../core/notify/notifyMetrics';
import { createNotifyWorker } from '../core/notify/notifyWorker';
import { AdminApp, createAdmin } from '../admin/adminApp';
import { memoryStaffStores, redisStaffStores } from '../admin/staffStores';
import { ModelTranslator } from '../admin/cases/translator';

// Only for development without HEARD_SECRET; production refuses to start without one (see config.ts).
const DEVELOPMENT_SECRET = 'heard-development-secret-do-not-use-in-production';
export const DEMO_FACILITY_ID = 'demo-facility';

export interface HeardApp {
  app: express.Express;
  config: Config;
  log: Logger;
  metrics: Metrics;
  stores: Stores;
  content: Content;
  reports: ReportService;
  bot: HeardBot;
  adapter: CloudAdapter;
  /** Sends a staff reply on the child's channel when they asked for one and it can be reached. */
  sendReplyToChild: (report: Report, note: Note) => Promise<boolean>;
  /** The monitoring body's admin app, when ROLE is all or admin. */
  admin?: AdminApp;
  devices: DeviceRegistry;
  directLine: DirectLineChannel;
  /** On the embedded default: the demo tablet's one-time enrolment path (`/kiosk/#enrol=...`). */
  kioskEnrolPath?: string;
  close(): Promise<void>;
}

/** The composition root: builds every part, chooses every implementation, wires them into one express app. */
export interface MakeAppOptions {
  log?: Logger;
  /** Replaces the rule screener (tests of dialog flows). */
  screen?: ScreenText;
  /** Where Bot Framework's signing keys are published: a sovereign cloud, or a local stand-in in tests. */
  botOpenIdMetadataUrl?: string;
}

export async function makeApp(config: Config, options: MakeAppOptions = {}): Promise<HeardApp> {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  if (!config.HEARD_SECRET) log.warn('No HEARD_SECRET: pseudonyms and encryption use a development key. Never do this with real children.');
  const keys = new SecretKeys(config.HEARD_SECRET ?? DEVELOPMENT_SECRET);
  const metrics = createMetrics();
  const sealer = new TextSealer(keys);
  const stores = await openStores(config, log, sealer);
  const content = await loadContent();
  const helplineFile = readJson(path.join(content.dir, 'helplines.json'), helplinesFileSchema);
  const helplines = new Helplines(helplineFile.countries, helplineFile.default);

  const resilient = new FallbackStateStorage(stores.state, config.CONVERSATION_TTL_DAYS * 86_400_000, () =>
    log.warn('state store unavailable: this turn runs on in-process state'),
  );
  const state = new ProtectedStateStorage(resilient, (k) => keys.hash('state-key', k), sealer);
  if (stores.kind === 'memory') await seedDemo(stores);
  const spool = new ConcernSpool(path.resolve(config.SPOOL_DIR, 'concerns.jsonl'), sealer);
  // The admin app is built later; it learns of new reports through this late-bound hook (live queue).
  const filedListeners: ((report: Report) => void)[] = [];
  const reports = new ReportService({
    store: stores.reports,
    spool,
    keys,
    sealer,
    sla: DEFAULT_SLA,
    limiter: stores.limiter,
    onFiled: (report) => filedListeners.forEach((listener) => listener(report)),
  });
  const spoolReplay = startSpoolReplay(spool, stores.reports, log);
  const runsWorker = config.ROLE === 'all' || config.ROLE === 'worker';
  // Alerts to the monitoring body, consumed from the outbox where ROLE runs the worker.
  const alerting = createNotifiers({
    webhookUrl: config.NOTIFY_WEBHOOK_URL,
    webhookKey: keys.key('webhook'),
    smtpUrl: config.SMTP_URL,
    emailTo: config.NOTIFY_EMAIL_TO,
    publicUrl: config.PUBLIC_URL,
  });
  const { outbox } = stores;
  const notifyWorker =
    alerting.notifiers.length > 0 && runsWorker
      ? createNotifyWorker({ outbox, notifiers: alerting.notifiers, log, metrics: createNotifyMetrics(metrics.registry) })
      : undefined;
  notifyWorker?.start();
  const retention = runsWorker ? startRetentionPurge(stores.reports, config.REPORT_RETENTION_DAYS, log) : undefined;
  const fileConcern = concernFiler(reports, log, metrics);
  const deps: DialogDeps = {
    content,
    helplines,
    reports,
    views: new ViewsService(stores.views, keys),
    facilities: stores.facilities,
    fileConcern,
    countryOf: (context) => content.meta[turnFacts(context).profile.language ?? 'en']?.country,
  };
  const helpNow = new HelpNowDialog(deps);
  const menu = new MainMenuDialog(deps, {
    rights: new RightsDialog(deps),
    help: helpNow,
    views: new SurveyDialog(deps),
    complaint: new ComplaintDialog(deps),
    check: new CheckReportDialog(deps),
  });
  const root = new RootDialog(deps, { menu, helpNow });
  const screening = options.screen ? { screen: options.screen } : buildScreening(config, reports, log, contentWords(content.i18n.store.data));
  const bot = new HeardBot({
    conversationState: new ConversationState(state),
    userState: new UserState(state),
    root,
    content,
    keys,
    metrics,
    safeguarding: { ...screening, fileConcern },
  });

  const adapter = new CloudAdapter(
    unauthorizedOnBadToken(reusingClients(new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      ...(options.botOpenIdMetadataUrl && {
        ToBotFromChannelOpenIdMetadataUrl: options.botOpenIdMetadataUrl,
        ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
        ToBotFromEmulatorOpenIdMetadataUrl: options.botOpenIdMetadataUrl,
      }),
    }))),
  );
  const sendReplyToChild = proactiveReplier(adapter, config.MicrosoftAppId, sealer, content);
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error, channel: context.activity.channelId }, 'turn failed');
    const lng = context.activity.locale?.split('-')[0] ?? 'en';
    const t = content.t(lng);
    await context.sendActivity(`${t('turnFailed')} ${helplines.sentence(t, content.meta[lng]?.country)}`);
  };

  const devices = openDeviceRegistry(stores.redis, config.REDIS_KEY_PREFIX, keys);
  const directLine = createDirectLine({
    run: (ctx) => bot.run(ctx),
    onTurnError: adapter.onTurnError,
    decorate: kioskChoiceTags(content),
    devices,
    sealer,
    tokenKey: directLineKey(keys),
    redis: stores.redis,
    redisPrefix: config.REDIS_KEY_PREFIX,
    publicUrl: config.PUBLIC_URL,
    logger: log.child({ part: 'directline' }),
  });
  const kioskEnrolPath = stores.kind === 'memory' ? await demoKioskDevice(devices, DEMO_FACILITY_ID) : undefined;

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await stores.ping();
      res.json({ status: 'ready', store: stores.kind });
    } catch {
      res.status(503).json({ status: 'unavailable', store: stores.kind });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  // ROLE=admin and ROLE=worker processes do not take children's messages.
  if (config.ROLE === 'all' || config.ROLE === 'bot') app.use(messagesRoute(adapter, (ctx) => bot.run(ctx), log));
  if (config.ROLE === 'all' || config.ROLE === 'bot') {
    app.use(directLine.routes);
    app.use('/kiosk', kioskRoutes({ devices, limiter: stores.limiter, assets: kioskAssets(config.NODE_ENV === 'production'), production: config.NODE_ENV === 'production' }));
    directLine.serveStreams(app);
  }
  const admin =
    config.ROLE === 'all' || config.ROLE === 'admin'
      ? createAdmin({
          reports: stores.reports,
          facilities: stores.facilities,
          devices: kioskDeviceAdmin(devices, config.PUBLIC_URL),
          views: stores.views,
          limiter: stores.limiter,
          sealer,
          stores: stores.redis ? redisStaffStores(stores.redis, config.REDIS_KEY_PREFIX, sealer) : memoryStaffStores(),
          sla: DEFAULT_SLA,
          content: { meta: content.meta, helplines: [...helplineFile.countries, helplineFile.default] },
          viewsMinGroup: config.VIEWS_MIN_GROUP,
          production: config.NODE_ENV === 'production',
          log: log.child({ part: 'admin' }),
          onReply: async (report, note) => void (await sendReplyToChild(report, note)),
          translator:
            config.OPENAI_API_KEY || config.OPENAI_BASE_URL
              ? new ModelTranslator({ apiKey: config.OPENAI_API_KEY, baseUrl: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL })
              : undefined,
        })
      : undefined;
  if (admin) app.use('/admin', admin.router);
  if (admin) filedListeners.push((report) => admin.notifyFiled(report));
  const { ADMIN_BOOTSTRAP_EMAIL: email, ADMIN_BOOTSTRAP_PASSWORD: password, ADMIN_BOOTSTRAP_TOTP_SECRET: totpSecret } = config;
  if (admin && email && password && totpSecret) await admin.bootstrap({ email, password, totpSecret });
  app.use(errorHandler(log));

  return {
    app,
    config,
    log,
    metrics,
    stores,
    content,
    reports,
    bot,
    adapter,
    sendReplyToChild,
    admin,
    devices,
    directLine,
    kioskEnrolPath,
    close: async () => {
      admin?.close();
      await directLine.close();
      spoolReplay.stop();
      retention?.stop();
      await notifyWorker?.stop();
      // A model's second opinion still in flight may file or raise a concern: let it land before the store closes.
      await screening.secondOpinion?.settled();
      await outbox.close();
      alerting.close();
      await stores.close();
    },
  };
}

/** The embedded default's demo data: one care home, so the survey and kiosk work on first start. */
async function seedDemo(stores: Stores): Promise<void> {
  await stores.facilities.upsert({ id: DEMO_FACILITY_ID, name: 'Demo children’s home', country: 'TH', kind: 'children_home' });
}

/** One error style at the edge: a generic message to the caller, the detail in the log. */
function errorHandler(log: Logger) {
  return (err: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err }, 'request failed');
    const message = status === 413 ? 'body too large' : status === 400 ? 'malformed request body' : status < 500 ? 'bad request' : 'internal error';
    res.status(status).json({ error: message });
  };
}
