import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';

/** Where servers run and where the load runs: two different cores when the machine and `taskset` allow it. */
export interface Pinning {
  server?: number;
  load?: number;
  note: string;
}

export function choosePinning(): Pinning {
  const cores = os.availableParallelism();
  if (cores < 2) return { note: `unpinned (${cores} core)` };
  if (spawnSync('taskset', ['-V']).error) return { note: 'unpinned (no taskset)' };
  return { server: 0, load: 1, note: 'servers on core 0; load generator and Redis on core 1' };
}

/** Pins a running process and all its threads to one core; false when that failed (reported, not fatal). */
export function pin(pid: number, core: number | undefined): boolean {
  if (core === undefined) return false;
  try {
    execFileSync('taskset', ['-a', '-cp', String(core), String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Everything the bench starts and must stop: child processes and temp dirs, also handed to a detached reaper so
 * they are cleaned up even if this process dies without running its own cleanup.
 */
export class Cleanup {
  private readonly stops: (() => Promise<void>)[] = [];
  private readonly dirs: string[] = [];
  private readonly reaper: ChildProcess;
  private ran = false;

  constructor() {
    this.reaper = spawn(process.execPath, [path.join(__dirname, 'reaper.js')], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    this.reaper.unref();
  }

  watchPid(pid: number): void {
    if (!this.ran) this.reaper.stdin?.write(`pid ${pid}\n`);
  }

  tempDir(label: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), `heard-bench-${label}-`));
    this.dirs.push(dir);
    this.reaper.stdin?.write(`dir ${dir}\n`);
    return dir;
  }

  /** Registers a stop; one registered after `run` (a server that finished starting too late) runs at once. */
  onStop(stop: () => Promise<void>): void {
    if (this.ran) void stop().catch(() => undefined);
    else this.stops.push(stop);
  }

  /** Stops everything in reverse order of start; each stop is bounded by its own timeout. */
  async run(): Promise<void> {
    this.ran = true;
    for (const stop of this.stops.reverse()) await stop().catch(() => undefined);
    this.stops.length = 0;
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
    this.dirs.length = 0;
    this.reaper.stdin?.end('done\n');
  }
}

export interface Server {
  name: string;
  pid: number;
  url: string;
  /** The last lines it printed, to explain a failure. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts a server as a child process (pinned with taskset when `core` is set) and waits until it answers HTTP. */
export async function startServer(
  cleanup: Cleanup,
  o: {
    name: string;
    script: string;
    nodeArgs?: string[];
    port: number;
    env: Record<string, string>;
    core?: number;
    readyPath: string;
    cwd: string;
  },
): Promise<Server> {
  const args = [
    ...(o.core === undefined ? [] : ['-c', String(o.core), process.execPath]),
    ...(o.nodeArgs ?? []),
    o.script,
  ];
  const child = spawn(o.core === undefined ? process.execPath : 'taskset', args, {
    cwd: o.cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      ...o.env,
      PORT: String(o.port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (!child.pid) throw new Error(`${o.name} did not start`);
  cleanup.watchPid(child.pid);
  const server: Server = {
    name: o.name,
    pid: child.pid,
    url: `http://127.0.0.1:${o.port}`,
    output: () => out,
    stop: () => stopChild(child),
  };
  cleanup.onStop(server.stop);
  await waitForHttp(server, o.readyPath, child, 60_000);
  return server;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

async function waitForHttp(
  server: Server,
  readyPath: string,
  child: ChildProcess,
  ms: number,
): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${server.name} exited with ${child.exitCode}:\n${server.output()}`);
    if ((await statusOf(`${server.url}${readyPath}`)) === 200) return;
    if (Date.now() > until) throw new Error(`${server.name} not ready within ${ms} ms:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function statusOf(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.setTimeout(2000, () => req.destroy());
    req.on('error', () => resolve(0));
  });
}
