import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RuleScreener } from '../../core/triage/ruleScreener';

export interface TriageResult {
  messages: number;
  /** Messages per second of wall time, on one thread. */
  msgsPerS: number;
  /** Messages per second of CPU time of this process: per core. */
  msgsPerCpuS: number;
  /** The slowest locales (µs per message), to show where the time goes. */
  slowest: { locale: string; usPerMsg: number }[];
}

export function fixtureTexts(dir: string): { text: string; locale?: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { text: string; locale?: string }),
    );
}

/**
 * Rules-only triage throughput, in process: every fixture text screened over and over for about `ms`, after one
 * warm-up pass. The result is consumed so the work cannot be optimised away.
 */
export function triageThroughput(screener: RuleScreener, dir: string, ms: number): TriageResult {
  const texts = fixtureTexts(dir);
  let flagged = 0;
  for (const t of texts) if (screener.screen(t.text, t.locale).risk !== 'none') flagged++;
  const perLocale = new Map<string, { n: number; ms: number }>();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let messages = 0;
  while (performance.now() - started < ms) {
    for (const t of texts) {
      const t0 = performance.now();
      if (screener.screen(t.text, t.locale).risk !== 'none') flagged++;
      const entry = perLocale.get(t.locale ?? '?') ?? { n: 0, ms: 0 };
      entry.n++;
      entry.ms += performance.now() - t0;
      perLocale.set(t.locale ?? '?', entry);
    }
    messages += texts.length;
  }
  const wallS = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuS = (used.user + used.system) / 1e6;
  if (flagged === 0) throw new Error('the rules flagged no fixture text: the screener is not working');
  const slowest = [...perLocale.entries()]
    .map(([locale, e]) => ({ locale, usPerMsg: (e.ms * 1000) / e.n }))
    .sort((a, b) => b.usPerMsg - a.usPerMsg)
    .slice(0, 3);
  return { messages, msgsPerS: messages / wallS, msgsPerCpuS: messages / cpuS, slowest };
}
