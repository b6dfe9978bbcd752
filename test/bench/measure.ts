import { closedLoop } from './closedLoop';
import { Recorder, Summary } from './latency';
import { coresBusy, ProcSample, sampleProc } from './procStat';
import { commandDelta, RedisProbe } from './redisStats';

/** One load run against one server: throughput, latency, and what it cost. */
export interface Throughput {
  name: string;
  concurrency: number;
  turns: number;
  turnsPerS: number;
  latency: Summary;
  steps: { step: string; summary: Summary; errors: number }[];
  errors: number;
  errorExamples: string[];
  /** Cores the server process kept busy during the window. */
  cpuCores?: number;
  cpuMsPerTurn?: number;
  rssMB?: number;
  redisCmdsPerTurn?: number;
  redisCpuMsPerTurn?: number;
  /** Redis commands per turn, by command, largest first. */
  redisCommands?: Record<string, number>;
}

export interface MeasureOptions {
  name: string;
  pid: number;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** When the server uses Redis: count its commands and its CPU. */
  redis?: { probe: RedisProbe; pid: number };
  iteration: (recorder: Recorder, worker: number, stopped: () => boolean) => Promise<unknown>;
}

export async function measure(o: MeasureOptions): Promise<Throughput> {
  const recorder = new Recorder();
  let cmds0: Record<string, number> = {};
  let cmds1: Record<string, number> = {};
  const at: { server?: ProcSample; redis?: ProcSample }[] = [{}, {}];
  const { examples } = await closedLoop({
    concurrency: o.concurrency,
    warmupMs: o.warmupMs,
    durationMs: o.durationMs,
    recorder,
    iteration: (worker, stopped) => o.iteration(recorder, worker, stopped),
    onOpen: async () => {
      if (o.redis) cmds0 = await o.redis.probe.commands();
      at[0] = { server: sampleProc(o.pid), redis: sampleProc(o.redis?.pid) };
    },
    onClose: async () => {
      at[1] = { server: sampleProc(o.pid), redis: sampleProc(o.redis?.pid) };
      if (o.redis) cmds1 = await o.redis.probe.commands();
    },
  });
  const turns = recorder.count;
  const cpuMs = (s?: ProcSample, e?: ProcSample) => (s && e ? e.cpuMs - s.cpuMs : undefined);
  const serverCpu = cpuMs(at[0].server, at[1].server);
  const redisCpu = cpuMs(at[0].redis, at[1].redis);
  const perTurn = (v: number | undefined) => (v === undefined || turns === 0 ? undefined : v / turns);
  const commands = o.redis ? commandDelta(cmds0, cmds1, 1) : undefined;
  const totalCommands = commands ? Object.values(commands).reduce((a, b) => a + b, 0) : undefined;
  return {
    name: o.name,
    concurrency: o.concurrency,
    turns,
    turnsPerS: (turns * 1000) / recorder.windowMs,
    latency: recorder.all(),
    steps: recorder.bySteps(),
    errors: recorder.errorCount,
    errorExamples: examples,
    cpuCores: coresBusy(at[0].server, at[1].server),
    cpuMsPerTurn: perTurn(serverCpu),
    rssMB: at[1].server ? at[1].server.rssBytes / 2 ** 20 : undefined,
    redisCmdsPerTurn: perTurn(totalCommands),
    redisCpuMsPerTurn: perTurn(redisCpu),
    redisCommands: commands
      ? Object.fromEntries(
          Object.entries(commands)
            .sort((a, b) => b[1] - a[1])
            .map(([k, v]) => [k, Math.round((v / Math.max(1, turns)) * 100) / 100]),
        )
      : undefined,
  };
}
