export interface BackoffOptions {
  /** Delay before the second attempt, before jitter. */
  baseMs: number;
  /** Ceiling of any delay, before jitter. */
  maxMs: number;
}

/**
 * Delay before the next try after `attempts` failed ones: exponential (base · 2^(attempts−1), capped), with "equal
 * jitter" (between half and all of it) so workers that failed together do not retry together, yet never retry at once.
 */
export function backoffDelay(
  attempts: number,
  opts: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + (random() * exp) / 2);
}
