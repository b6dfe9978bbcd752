/** Percentile of a sorted list (nearest rank); undefined for an empty one. */
export function percentile(sorted: number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface Summary {
  n: number;
  p50?: number;
  p95?: number;
  p99?: number;
  max?: number;
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}

/**
 * Latencies by step, counted by completion inside the measurement window [open, close]: in a steady closed loop
 * every completion counts once, so turns/s has no bias at the window's edges (counting only requests that also
 * started inside it would drop the ones in flight at the opening, which on a short quick window is ~10% of them).
 */
export class Recorder {
  private readonly samples = new Map<string, number[]>();
  private readonly errors = new Map<string, number>();
  private open = Infinity;
  private close = Infinity;

  start(at = performance.now()): void {
    this.open = at;
  }

  stop(at = performance.now()): void {
    this.close = at;
  }

  get windowMs(): number {
    return this.close - this.open;
  }

  record(step: string, startedAt: number, endedAt = performance.now()): void {
    if (endedAt < this.open || endedAt > this.close) return;
    let list = this.samples.get(step);
    if (!list) this.samples.set(step, (list = []));
    list.push(endedAt - startedAt);
  }

  error(step: string, at = performance.now()): void {
    if (at < this.open || at > this.close) return;
    this.errors.set(step, (this.errors.get(step) ?? 0) + 1);
  }

  /** Completed turns inside the window. */
  get count(): number {
    let n = 0;
    for (const list of this.samples.values()) n += list.length;
    return n;
  }

  get errorCount(): number {
    let n = 0;
    for (const e of this.errors.values()) n += e;
    return n;
  }

  all(): Summary {
    return summarise([...this.samples.values()].flat());
  }

  bySteps(): { step: string; summary: Summary; errors: number }[] {
    const steps = new Set([...this.samples.keys(), ...this.errors.keys()]);
    return [...steps].map((step) => ({
      step,
      summary: summarise(this.samples.get(step) ?? []),
      errors: this.errors.get(step) ?? 0,
    }));
  }
}
