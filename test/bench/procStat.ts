import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU time and memory of one process, read from /proc (Linux only; undefined elsewhere or once it has exited). */
export interface ProcSample {
  /** User + system CPU time since the process started, in milliseconds. */
  cpuMs: number;
  rssBytes: number;
  /** Peak resident set size so far (VmHWM). */
  peakRssBytes: number;
  /** When the sample was taken (performance.now()). */
  at: number;
}

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime in clock ticks from the text of /proc/<pid>/stat (the command name may contain spaces). */
export function cpuTicksFromStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After "pid (comm) ", field 3 (state) is index 0, so utime (14) and stime (15) are 11 and 12.
  return Number(fields[11]) + Number(fields[12]);
}

/** A "VmRSS:   1234 kB" style field of /proc/<pid>/status, in bytes. */
export function kbField(status: string, name: string): number {
  const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}

export function sampleProc(pid: number | undefined): ProcSample | undefined {
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return {
      cpuMs: (cpuTicksFromStat(stat) * 1000) / clockTicks(),
      rssBytes: kbField(status, 'VmRSS'),
      peakRssBytes: kbField(status, 'VmHWM'),
      at: performance.now(),
    };
  } catch {
    return undefined;
  }
}

/** CPU used between two samples, as cores busy (1 = one core fully used). */
export function coresBusy(from: ProcSample | undefined, to: ProcSample | undefined): number | undefined {
  if (!from || !to || to.at <= from.at) return undefined;
  return (to.cpuMs - from.cpuMs) / (to.at - from.at);
}
