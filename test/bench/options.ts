/** How long and how hard each part of the bench runs. */
export interface BenchOptions {
  quick: boolean;
  json: boolean;
  /** Where to write heard's CPU profile (node --cpu-prof), when asked. */
  profileDir?: string;
  concurrency: number;
  warmupMs: number;
  floorMs: number;
  /** heard's closed loop warms up longer than the floors: its JIT must settle and its children spread over the steps. */
  heardWarmupMs: number;
  heardMs: number;
  directLineMs: number;
  /** The paced run: conversations with think time, for latency; concern probes run alongside. */
  thinkMs: number;
  thinkWarmupMs: number;
  think: { minMs: number; maxMs: number };
  probes: number;
  probePollMs: number;
  probeGapMs: number;
  idleConversations: number;
  triageMs: number;
  /** Share of children who disclose a concern midway. */
  disclosureRate: number;
}

// Quick fits the minute on 2 cores with the build included; full gives stable percentiles.
const QUICK = {
  warmupMs: 800,
  floorMs: 3000,
  heardWarmupMs: 4000,
  heardMs: 4000,
  thinkMs: 5000,
  thinkWarmupMs: 2000,
  directLineMs: 3000,
  probes: 30,
  idleConversations: 200,
  triageMs: 1000,
};
const FULL = {
  warmupMs: 3000,
  floorMs: 10_000,
  heardWarmupMs: 8000,
  heardMs: 30_000,
  thinkMs: 30_000,
  thinkWarmupMs: 5000,
  directLineMs: 20_000,
  probes: 200,
  idleConversations: 3000,
  triageMs: 5000,
};

export const USAGE = `npm run bench [-- --quick] [-- --json] [-- --concurrency N] [-- --profile DIR]
  --quick          a short run (under a minute on 2 cores)
  --json           print one JSON object as the last line
  --concurrency N  simultaneous conversations (default 50)
  --profile DIR    run heard with node --cpu-prof and write its profile into DIR`;

export function parseOptions(argv: string[]): BenchOptions {
  const flag = (name: string) => argv.includes(name);
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (flag('--help') || flag('-h')) throw new UsageError(USAGE);
  const known = new Set([
    '--quick',
    '--json',
    '--concurrency',
    '--profile',
    value('--concurrency'),
    value('--profile'),
  ]);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length > 0) throw new UsageError(`unknown argument ${unknown.join(' ')}\n${USAGE}`);
  const concurrency = Number(value('--concurrency') ?? 50);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1000)
    throw new UsageError(`--concurrency must be 1..1000\n${USAGE}`);
  const quick = flag('--quick');
  return {
    quick,
    json: flag('--json'),
    profileDir: value('--profile'),
    concurrency,
    probePollMs: 10,
    probeGapMs: 100,
    // Faster than children really type (seconds per message), so the paced run errs on the heavy side.
    think: { minMs: 500, maxMs: 1500 },
    disclosureRate: 0.05,
    ...(quick ? QUICK : FULL),
  };
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
