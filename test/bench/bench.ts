import os from 'node:os';
import path from 'node:path';
import { loadRuleScreener } from '../../core/triage/ruleScreener';
import { AdminSession, createFacility, enrolDevice, newEnrolmentCode, Unavailable } from './admin';
import { concernToQueue, queueReadCost } from './concernProbe';
import { sleep } from './closedLoop';
import { HttpClient } from './httpClient';
import { idleConversationMemory } from './idleMemory';
import { kioskFirstLoad, kioskInChromium } from './kioskBench';
import { Recorder } from './latency';
import { measure } from './measure';
import { parseOptions, BenchOptions, UsageError } from './options';
import { floorIteration, flowIteration, FlowSetup } from './phases';
import { choosePinning, Cleanup, pin } from './processes';
import { sampleProc } from './procStat';
import { BenchResult, Maybe, toJson } from './results';
import { ROOT, startRedis, startServers } from './servers';
import { table } from './table';
import { triageThroughput } from './triageBench';
import { BotFrameworkChild } from './flows/botFrameworkChild';
import { DirectLineChild } from './flows/directLineChild';
import { childFlow } from './flows/childFlow';
import { disclosureTexts, FLOW_LANGUAGES } from './flows/languages';

const FIXTURES = path.join(ROOT, 'test/fixtures/triage');
const startedAt = performance.now();
const progress = (message: string) =>
  process.stderr.write(`[bench ${((performance.now() - startedAt) / 1000).toFixed(1)} s] ${message}\n`);

/** Runs a part that may be missing from this build; anything it cannot do is reported, not thrown. */
async function optional<T>(label: string, run: () => Promise<T>): Promise<Maybe<T>> {
  try {
    return await run();
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    if (!(err instanceof Unavailable)) progress(`${label} failed: ${reason}`);
    return { unavailable: reason };
  }
}

async function run(o: BenchOptions, cleanup: Cleanup): Promise<BenchResult> {
  const began = performance.now();
  // Counted before this process pins itself: availableParallelism() follows the affinity mask.
  const cores = os.availableParallelism();
  // Other work on the machine skews every number here: the report shows how busy it was when the bench began.
  const loadAverage = os.loadavg()[0];
  const pinning = choosePinning();
  pin(process.pid, pinning.load);

  progress('starting redis-server, heard and the two floor servers');
  const redis = await startRedis(cleanup, pinning);
  const { ready: starting } = await startServers(cleanup, pinning, redis.url, o.profileDir);
  starting.catch(() => undefined);
  // Compiling the rules and measuring triage need only this process: they run while the servers start on the
  // other core.
  const screener = loadRuleScreener();
  const texts = disclosureTexts(screener, FIXTURES);
  const triage = await optional('triage', async () => triageThroughput(screener, FIXTURES, o.triageMs));
  const servers = await starting;
  const clients = {
    heard: new HttpClient(servers.heard.url, o.concurrency + 8),
    admin: new HttpClient(servers.heard.url, 4),
  };
  cleanup.onStop(async () => Object.values(clients).forEach((c) => c.close()));

  progress('signing in to the admin API and enrolling a kiosk device');
  const admin = await optional('admin', () => AdminSession.signIn(clients.admin, servers.login));
  const session = admin instanceof AdminSession ? admin : undefined;
  const facilityName = session ? await createFacility(session) : 'Bench children’s home';
  const deviceKey = await optional('device', async () => {
    if (!session) throw new Unavailable('no admin session to create a kiosk device');
    return enrolDevice(clients.heard, await newEnrolmentCode(session, 'Bench tablet'));
  });
  const setup: FlowSetup = { texts, facilityName, disclosureRate: o.disclosureRate, seed: 1 };

  progress('checking one child’s whole flow on each channel');
  const smoke = new Recorder();
  smoke.start(0);
  await Promise.all(
    FLOW_LANGUAGES.map((lang) => {
      const plan = {
        lang,
        facilityName,
        random: Math.random,
        stopped: () => false,
        disclosure: texts.concerns.get(lang.code)?.[0],
      };
      return childFlow(new BotFrameworkChild(clients.heard, smoke), plan);
    }),
  );
  const dlSmoke =
    typeof deviceKey === 'string'
      ? await optional('direct line', () =>
          childFlow(new DirectLineChild(clients.heard, smoke, deviceKey), {
            lang: FLOW_LANGUAGES[1],
            facilityName,
            random: Math.random,
            stopped: () => false,
          }),
        )
      : deviceKey;

  const common = { concurrency: o.concurrency, warmupMs: o.warmupMs };
  const floor = async (name: string, url: string, pid: number) => {
    progress(`floor: ${name}, closed loop`);
    const http = new HttpClient(url, o.concurrency + 8);
    try {
      return await measure({ ...common, name, pid, durationMs: o.floorMs, iteration: floorIteration(http) });
    } finally {
      http.close();
    }
  };
  const express = await floor('express', servers.express.url, servers.express.pid);
  const echo = await floor('echo', servers.echo.url, servers.echo.pid);

  const heardLoad = { ...common, pid: servers.heard.pid, redis: { probe: redis.probe, pid: redis.pid } };
  const botFramework = (rec: Recorder) => new BotFrameworkChild(clients.heard, rec);
  // The long warm-up matters: a fresh heard spends about 3× the CPU per turn until V8 has optimised its code
  // (compiled on background threads, charged to heard), and the children, who all start together, must spread
  // over the steps of their visit. The paced run comes after, on the warm service.
  progress('heard over /api/messages, closed loop');
  const heard = await measure({
    ...heardLoad,
    name: 'heard',
    warmupMs: o.heardWarmupMs,
    durationMs: o.heardMs,
    iteration: flowIteration(setup, botFramework),
  });

  progress(
    `heard over /api/messages, ${o.concurrency} conversations thinking ${o.think.minMs}–${o.think.maxMs} ms, with concern probes`,
  );
  const paced = { ...heardLoad, name: 'conversations', warmupMs: o.thinkWarmupMs, durationMs: o.thinkMs };
  const conversationsRun = measure({
    ...paced,
    iteration: flowIteration({ ...setup, seed: 2, think: o.think }, botFramework),
  });
  const concernRun = optional('concern-to-queue', async () => {
    if (!session) throw new Unavailable('no admin session to read the queue');
    const probes = FLOW_LANGUAGES.flatMap((lang) =>
      (texts.probes.get(lang.code) ?? []).map((text) => ({ lang, text })),
    );
    await sleep(o.thinkWarmupMs);
    return concernToQueue({
      heard: clients.heard,
      admin: session,
      texts: probes,
      count: o.probes,
      pollMs: o.probePollMs,
      gapMs: o.probeGapMs,
      until: performance.now() + o.thinkMs,
    });
  });
  const [conversations, concern] = await Promise.all([conversationsRun, concernRun]);

  const directLine = await optional('direct line', async () => {
    if (typeof dlSmoke !== 'number') throw new Unavailable(dlSmoke.unavailable);
    progress('heard over Direct Line, closed loop');
    const key = deviceKey as string;
    return measure({
      ...heardLoad,
      name: 'directLine',
      durationMs: o.directLineMs,
      iteration: flowIteration({ ...setup, seed: 3 }, (rec) => new DirectLineChild(clients.heard, rec, key)),
    });
  });

  progress('Redis memory per idle conversation');
  const idle = await optional('idle memory', () =>
    idleConversationMemory({
      heard: clients.heard,
      redis: redis.probe,
      count: o.idleConversations,
      concurrency: o.concurrency,
    }),
  );

  progress('kiosk first load and Chromium');
  const kioskLoad = await optional('kiosk', () => kioskFirstLoad(servers.heard.url));
  const queue = await optional('queue read', async () => {
    if (!session) throw new Unavailable('no admin session to read the queue');
    return queueReadCost(session);
  });
  const kioskBrowser = await optional('chromium', async () => {
    if (!session) throw new Unavailable('no admin session to create a kiosk device');
    return kioskInChromium(servers.heard.url, await newEnrolmentCode(session, 'Bench Chromium tablet'));
  });

  const last = sampleProc(servers.heard.pid);
  return {
    mode: o.quick ? 'quick' : 'full',
    machine: {
      cores,
      cpu: os.cpus()[0]?.model.trim() ?? '?',
      node: process.version,
      pinning: redis.pinned ? pinning.note : `${pinning.note} (Redis not pinned)`,
      loadAverage,
    },
    think: `${o.think.minMs / 1000}–${o.think.maxMs / 1000} s`,
    express,
    echo,
    heard,
    conversations,
    directLine,
    concern,
    queue,
    triage,
    kioskLoad,
    kioskBrowser,
    idle,
    heardFinalRssMB: last && last.rssBytes / 2 ** 20,
    heardPeakRssMB: last && last.peakRssBytes / 2 ** 20,
    seconds: (performance.now() - began) / 1000,
  };
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const cleanup = new Cleanup();
  const interrupted = (signal: string) => {
    progress(`${signal}: stopping every server`);
    void cleanup.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', () => interrupted('SIGINT'));
  process.once('SIGTERM', () => interrupted('SIGTERM'));
  let result: BenchResult;
  try {
    result = await run(options, cleanup);
  } finally {
    progress('stopping servers');
    await cleanup.run();
  }
  console.log(table(result));
  if (options.json) console.log(JSON.stringify(toJson(result)));
}

main().catch((err: unknown) => {
  console.error('bench failed:', err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
