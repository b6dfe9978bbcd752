import { AdminSession } from './admin';
import { sleep } from './closedLoop';
import { HttpClient } from './httpClient';
import { Recorder, summarise, Summary } from './latency';
import { BotFrameworkChild } from './flows/botFrameworkChild';
import { FlowLanguage, PROBE_CATEGORY } from './flows/languages';

export interface ProbeOptions {
  heard: HttpClient;
  admin: AdminSession;
  /** Probe texts by language (flagged in PROBE_CATEGORY by the rules). */
  texts: { lang: FlowLanguage; text: string }[];
  count: number;
  pollMs: number;
  /** Pause between probes, so polling is a small share of the server's time. */
  gapMs: number;
  /** Stop early when this time (performance.now()) is reached. */
  until: number;
}

export interface ProbeResult {
  latency: Summary;
  timeouts: number;
  /** Queue GETs made while waiting for the probes' reports. */
  polls: number;
}

const TIMEOUT_MS = 5000;
const QUEUE = `/admin/api/reports?status=open&category=${PROBE_CATEGORY}&limit=5000`;

interface Queue {
  items: { id: string }[];
  counts: { total: number };
}

/**
 * Concern-to-queue latency as monitoring staff see it: a child (already onboarded) sends a disclosure, and the
 * admin API is polled every few ms until the new report is listed. Probes run one after another, so the only new
 * report in the probe category is the probe's own.
 */
export async function concernToQueue(o: ProbeOptions): Promise<ProbeResult> {
  const latencies: number[] = [];
  let timeouts = 0;
  let polls = 0;
  const seen = new Set((await o.admin.json<Queue>('GET', QUEUE)).items.map((i) => i.id));
  const quiet = new Recorder();
  for (let i = 0; i < o.count && performance.now() < o.until; i++) {
    const { lang, text } = o.texts[i % o.texts.length];
    const child = new BotFrameworkChild(o.heard, quiet);
    const first = await child.begin(lang.hello);
    const age = await child.say('language', lang.button);
    await child.say('age', age.buttons[1] ?? first.buttons[0]);

    await sleep(o.gapMs);
    const sent = performance.now();
    const answered = child.say('concern', text);
    let found: number | undefined;
    while (found === undefined && performance.now() - sent < TIMEOUT_MS) {
      const queue = await o.admin.json<Queue>('GET', QUEUE);
      polls++;
      const fresh = queue.items.filter((item) => !seen.has(item.id));
      fresh.forEach((item) => seen.add(item.id));
      if (fresh.length > 0) found = performance.now() - sent;
      else await sleep(o.pollMs);
    }
    await answered;
    if (found === undefined) timeouts++;
    else latencies.push(found);
  }
  return { latency: summarise(latencies), timeouts, polls };
}

export interface QueueCost {
  openReports: number;
  /** Median time of one GET of the open queue, on an otherwise idle service. */
  getMs: number;
}

/** What one read of the monitoring queue costs with the reports now stored (each read opens them all). */
export async function queueReadCost(admin: AdminSession): Promise<QueueCost> {
  const times: number[] = [];
  let openReports = 0;
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    openReports = (await admin.json<Queue>('GET', '/admin/api/reports?status=open')).counts.total;
    times.push(performance.now() - started);
  }
  return { openReports, getMs: summarise(times).p50 ?? 0 };
}
