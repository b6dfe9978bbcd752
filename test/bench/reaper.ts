import { rmSync } from 'node:fs';

/**
 * The bench's safety net, run as a detached process. The bench writes `pid <n>` and `dir <path>` lines to its stdin
 * as it starts servers and makes temp dirs; `done` means the bench cleaned up itself. If stdin ends without `done`
 * (the bench crashed or was killed, even with SIGKILL), this kills those processes and removes those dirs.
 */
const pids = new Set<number>();
const dirs = new Set<string>();
let done = false;
let pending = '';

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    const [kind, ...rest] = line.split(' ');
    const value = rest.join(' ');
    if (kind === 'pid' && Number(value) > 1) pids.add(Number(value));
    else if (kind === 'dir' && value.includes('heard-bench')) dirs.add(value);
    else if (kind === 'done') done = true;
  }
});

process.stdin.on('end', () => {
  if (done) process.exit(0);
  for (const pid of pids) signal(pid, 'SIGTERM');
  setTimeout(() => {
    for (const pid of pids) signal(pid, 'SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }, 3000);
});

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}
