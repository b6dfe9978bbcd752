import { Recorder } from './latency';
import { FlowError } from './flows/child';
import { FlowStopped } from './flows/childFlow';

export interface LoadOptions {
  /** Simultaneous clients, each sending its next request as soon as the last one is answered. */
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  recorder: Recorder;
  /** One unit of work of one client (a request, or a whole child's visit); it records its own latencies. */
  iteration: (worker: number, stopped: () => boolean) => Promise<unknown>;
  /** Called just before and just after the measurement window (CPU and Redis snapshots). */
  onOpen?: () => Promise<void>;
  onClose?: () => Promise<void>;
}

export interface LoadOutcome {
  /** A few error messages, for the report. */
  examples: string[];
}

/**
 * Runs a closed-loop load for warm-up + duration, then stops: no client starts a request after the window closes,
 * and what is in flight finishes (each request has its own timeout), so the run always ends.
 */
export async function closedLoop(o: LoadOptions): Promise<LoadOutcome> {
  let stop = false;
  const stopped = () => stop;
  const examples: string[] = [];
  const windowTimer = (async () => {
    await sleep(o.warmupMs);
    await o.onOpen?.();
    o.recorder.start();
    await sleep(o.durationMs);
    o.recorder.stop();
    stop = true;
    await o.onClose?.();
  })();
  const worker = async (i: number) => {
    while (!stop) {
      try {
        await o.iteration(i, stopped);
      } catch (err) {
        if (err instanceof FlowStopped) continue;
        o.recorder.error(err instanceof FlowError ? err.step : 'request');
        if (examples.length < 3) examples.push(err instanceof Error ? err.message : String(err));
        // A failing target must not turn the loop into a busy spin.
        await sleep(20);
      }
    }
  };
  await Promise.all([windowTimer, ...Array.from({ length: o.concurrency }, (_, i) => worker(i))]);
  return { examples };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A small seeded generator (mulberry32), so two runs make the same choices. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
