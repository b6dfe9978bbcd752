import { ProbeResult, QueueCost } from './concernProbe';
import { IdleResult } from './idleMemory';
import { BrowserTiming, FirstLoad } from './kioskBench';
import { Throughput } from './measure';
import { TriageResult } from './triageBench';

/** A measurement that could not be made in this build, and why. */
export interface Missing {
  unavailable: string;
}

export type Maybe<T> = T | Missing;

export const isMissing = <T>(v: Maybe<T> | undefined): v is Missing =>
  !!v && typeof v === 'object' && 'unavailable' in v;
export const present = <T>(v: Maybe<T> | undefined): T | undefined =>
  v === undefined || isMissing(v) ? undefined : v;

export interface BenchResult {
  mode: 'quick' | 'full';
  machine: { cores: number; cpu: string; node: string; pinning: string; loadAverage: number };
  /** The paced run's think time, e.g. "0.5–1.5 s". */
  think: string;
  express?: Throughput;
  echo?: Throughput;
  heard?: Throughput;
  /** Conversations with think time: the latency the target is about. */
  conversations?: Throughput;
  directLine: Maybe<Throughput>;
  concern: Maybe<ProbeResult>;
  queue: Maybe<QueueCost>;
  triage: Maybe<TriageResult>;
  kioskLoad: Maybe<FirstLoad>;
  kioskBrowser: Maybe<BrowserTiming>;
  idle: Maybe<IdleResult>;
  heardFinalRssMB?: number;
  heardPeakRssMB?: number;
  seconds: number;
}

const KB = 1024;

export interface Target {
  name: string;
  value?: number;
  limit: number;
  /** 'min': value must be at least limit; 'max': value must be below (or at most) limit. */
  kind: 'min' | 'max' | 'below';
  unit: string;
}

export function ratio(a?: Throughput, b?: Throughput): number | undefined {
  return a && b && b.turnsPerS > 0 ? a.turnsPerS / b.turnsPerS : undefined;
}

/** CPU per turn of `b` over `a`: less sensitive than turns/s to other work on a busy machine. */
export function cpuRatio(a?: Throughput, b?: Throughput): number | undefined {
  return a?.cpuMsPerTurn && b?.cpuMsPerTurn !== undefined ? b.cpuMsPerTurn / a.cpuMsPerTurn : undefined;
}

export function targets(r: BenchResult): Target[] {
  const concern = present(r.concern);
  return [
    {
      name: 'full-flow throughput vs echo bot',
      value: ratio(r.heard, r.echo),
      limit: 0.6,
      kind: 'min',
      unit: '×',
    },
    {
      name: `p99 turn latency, ${r.conversations?.concurrency ?? '?'} conversations`,
      value: r.conversations?.latency.p99,
      limit: 50,
      kind: 'below',
      unit: 'ms',
    },
    {
      name: 'concern-to-queue p99',
      value: concern && concern.latency.n > 0 && concern.timeouts === 0 ? concern.latency.p99 : undefined,
      limit: 100,
      kind: 'below',
      unit: 'ms',
    },
    {
      name: 'triage messages/s per core',
      value: present(r.triage)?.msgsPerCpuS,
      limit: 5000,
      kind: 'min',
      unit: 'msg/s',
    },
    {
      name: 'kiosk first load, gzipped',
      value: present(r.kioskLoad)?.gzBytes,
      limit: 100 * KB,
      kind: 'max',
      unit: 'B',
    },
    {
      name: 'Redis per idle conversation',
      value: present(r.idle)?.bytesPerConversation,
      limit: 2 * KB,
      kind: 'max',
      unit: 'B',
    },
  ];
}

export function met(t: Target): boolean | undefined {
  if (t.value === undefined || !Number.isFinite(t.value)) return undefined;
  return t.kind === 'min' ? t.value >= t.limit : t.kind === 'below' ? t.value < t.limit : t.value <= t.limit;
}

const round = (v: number | undefined, digits = 1) =>
  v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** The one-line JSON summary (`--json`): the fields first, then every detail. */
export function toJson(r: BenchResult): Record<string, unknown> {
  const ts = targets(r);
  const unavailable = Object.fromEntries(
    Object.entries(r)
      .filter(([, v]) => isMissing(v))
      .map(([k, v]) => [k, (v as Missing).unavailable]),
  );
  return {
    ratio_vs_echo: round(ratio(r.heard, r.echo), 3),
    ratio_vs_express: round(ratio(r.heard, r.express), 3),
    cpu_ratio_vs_echo: round(cpuRatio(r.heard, r.echo), 3),
    cpu_ms_per_turn: round(r.heard?.cpuMsPerTurn, 2),
    load_average: round(r.machine.loadAverage, 2),
    turns_per_s: round(r.heard?.turnsPerS),
    p99_ms: round(r.conversations?.latency.p99),
    saturated_p99_ms: round(r.heard?.latency.p99),
    concern_to_queue_p99_ms: round(present(r.concern)?.latency.p99),
    triage_msgs_per_s: round(present(r.triage)?.msgsPerCpuS, 0),
    kiosk_first_load_gz_bytes: present(r.kioskLoad)?.gzBytes ?? null,
    redis_bytes_per_idle_conversation: round(present(r.idle)?.bytesPerConversation, 0),
    queue_get_ms: round(present(r.queue)?.getMs),
    directline_turns_per_s: round(present(r.directLine)?.turnsPerS),
    directline_p99_ms: round(present(r.directLine)?.latency.p99),
    kiosk_first_bot_message_ms: round(present(r.kioskBrowser)?.enrolMs, 0),
    targets: Object.fromEntries(ts.map((t) => [t.name, met(t) ?? null])),
    all_targets_met: ts.every((t) => met(t) === true),
    unavailable,
    details: r,
  };
}
