import { Throughput } from './measure';
import { BenchResult, cpuRatio, isMissing, Maybe, met, present, ratio, targets } from './results';

const f = (v: number | undefined, digits = 1) =>
  v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits);

function grid(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '))
    .join('\n');
}

function throughputRows(r: BenchResult): string[][] {
  const row = (label: string, t: Maybe<Throughput> | undefined): string[] => {
    if (!t) return [label, 'not run'];
    if (isMissing(t)) return [label, `unavailable: ${t.unavailable}`];
    return [
      label,
      f(t.turnsPerS, 0),
      f(t.latency.p50),
      f(t.latency.p95),
      f(t.latency.p99),
      f(t.cpuCores, 2),
      f(t.cpuMsPerTurn, 2),
      f(t.rssMB, 0),
      f(t.redisCmdsPerTurn),
      f(t.redisCpuMsPerTurn, 2),
      `${t.errors}`,
    ];
  };
  return [
    [
      '',
      'turns/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'CPU cores',
      'CPU ms/turn',
      'RSS MB',
      'Redis cmd/turn',
      'Redis ms/turn',
      'errors',
    ],
    row('express JSON handler (floor)', r.express),
    row('botbuilder echo bot (floor)', r.echo),
    row('heard /api/messages, full flows', r.heard),
    row('heard Direct Line, full flows', r.directLine),
  ];
}

function stepRows(t: Throughput): string[][] {
  return [
    ['step', 'n', 'p50', 'p95', 'p99', 'max', 'errors'],
    ...t.steps.map((s) => summaryRow(s.step, s.summary, s.errors)),
  ];
}

function summaryRow(label: string, s: Throughput['latency'], errors: number): string[] {
  return [label, `${s.n}`, f(s.p50), f(s.p95), f(s.p99), f(s.max), `${errors}`];
}

/** The human-readable report. */
export function table(r: BenchResult): string {
  const out: string[] = [];
  const conc = r.heard?.concurrency ?? r.echo?.concurrency;
  out.push(
    `heard benchmark (${r.mode}), ${r.machine.cores} cores (${r.machine.cpu}), Node ${r.machine.node}; ${r.machine.pinning}; load average ${f(r.machine.loadAverage, 2)} at start; ${f(r.seconds, 0)} s`,
  );
  out.push('', `Saturation: ${conc} clients in a closed loop (each sends as soon as answered), keep-alive`);
  out.push(grid(throughputRows(r)));
  out.push(
    `ratios: heard/echo ${f(ratio(r.heard, r.echo), 2)}, heard/express ${f(ratio(r.heard, r.express), 2)}, echo/express ${f(ratio(r.echo, r.express), 2)}; by CPU per turn, heard/echo ${f(cpuRatio(r.heard, r.echo), 2)}`,
  );
  if (r.heard)
    out.push(
      `Redis commands per heard turn (commands inside Lua scripts included): ${Object.entries(
        r.heard.redisCommands ?? {},
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  for (const t of [r.heard, present(r.directLine)])
    if (t?.errorExamples.length) out.push(`${t.name} errors, e.g.: ${t.errorExamples.join(' | ')}`);
  const c = r.conversations;
  if (c) {
    out.push(
      '',
      `Latency: ${c.concurrency} conversations, each child pausing ${r.think} before every message (${f(c.turnsPerS, 0)} turns/s, heard CPU ${f(c.cpuCores, 2)} cores)`,
    );
    out.push(
      grid([
        ...stepRows(c),
        summaryRow('all turns', c.latency, c.errors),
      ]),
    );
    if (c.errorExamples.length) out.push(`errors, e.g.: ${c.errorExamples.join(' | ')}`);
  }
  out.push('', 'Safeguarding, triage, kiosk, memory');
  const p = r.concern;
  const q = present(r.queue);
  out.push(
    isMissing(p)
      ? `concern → admin queue: unavailable (${p.unavailable})`
      : `concern → admin queue (during the paced run, polled every few ms): p50 ${f(p.latency.p50)} / p95 ${f(p.latency.p95)} / p99 ${f(p.latency.p99)} / max ${f(p.latency.max)} ms (${p.latency.n} probes, ${p.timeouts} timed out, ${p.polls} queue reads)`,
  );
  if (q)
    out.push(
      `admin queue read: ${f(q.getMs)} ms per GET with ${q.openReports} open reports (median of 7 reads on an idle service)`,
    );
  const t = r.triage;
  out.push(
    isMissing(t)
      ? `triage: unavailable (${t.unavailable})`
      : `triage, rules only: ${f(t.msgsPerCpuS, 0)} msg/s per core (${t.messages} screened; slowest ${t.slowest.map((s) => `${s.locale} ${f(s.usPerMsg)} µs`).join(', ')})`,
  );
  const k = r.kioskLoad;
  out.push(
    isMissing(k)
      ? `kiosk first load: unavailable (${k.unavailable})`
      : `kiosk first load: ${f(k.gzBytes / 1024)} KB gzipped (${k.files.map((x) => `${x.path} ${x.gzBytes}`).join(', ')})`,
  );
  const b = r.kioskBrowser;
  out.push(
    isMissing(b)
      ? `kiosk in Chromium: unavailable (${b.unavailable})`
      : `kiosk in Chromium: first bot message ${f(b.enrolMs, 0)} ms when enrolling, ${f(b.sessionMs, 0)} ms for a new session; ${f(b.transferredBytes / 1024)} KB received`,
  );
  const i = r.idle;
  out.push(
    isMissing(i)
      ? `Redis per idle conversation: unavailable (${i.unavailable})`
      : `Redis per idle conversation: ${f(i.bytesPerConversation, 0)} B (${f(i.keysPerConversation, 2)} keys each, ${i.conversations} conversations)`,
  );
  out.push(`heard RSS at the end: ${f(r.heardFinalRssMB, 0)} MB (peak ${f(r.heardPeakRssMB, 0)} MB)`);
  out.push('', 'Targets');
  for (const target of targets(r)) {
    const ok = met(target);
    const sign = target.kind === 'min' ? '≥' : target.kind === 'below' ? '<' : '≤';
    out.push(
      `${ok === undefined ? '[n/a] ' : ok ? '[met] ' : '[MISS]'} ${target.name}: ${f(target.value, target.unit === '×' ? 2 : 0)} ${target.unit} (target ${sign} ${target.limit} ${target.unit})`,
    );
  }
  return out.join('\n');
}
