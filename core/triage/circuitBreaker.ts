import { z } from 'zod';

export const circuitBreakerOptionsSchema = z.object({
  /** Consecutive failures that open the circuit. */
  failureThreshold: z.number().int().positive(),
  /** How long the circuit stays open before one trial call is let through (half-open). */
  cooldownMs: z.number().int().nonnegative(),
});
export type CircuitBreakerOptions = z.input<typeof circuitBreakerOptionsSchema>;

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * A small circuit breaker for an optional dependency (the model). While open, callers skip the call instead of
 * waiting for it to time out again; after the cool-down one trial call decides whether to close it again.
 */
export class CircuitBreaker {
  private readonly options: z.output<typeof circuitBreakerOptionsSchema>;
  private failures = 0;
  private openedAt = 0;
  private current: CircuitState = 'closed';
  private trialInFlight = false;

  constructor(
    options: CircuitBreakerOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.options = circuitBreakerOptionsSchema.parse(options);
  }

  /** The state, moving an open circuit to half-open once its cool-down has passed. */
  get state(): CircuitState {
    if (this.current === 'open' && this.now() - this.openedAt >= this.options.cooldownMs) {
      this.current = 'half-open';
      this.trialInFlight = false;
    }
    return this.current;
  }

  /** Whether a call may go ahead now; in half-open only one trial call is let through at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.current = 'closed';
    this.trialInFlight = false;
  }

  recordFailure(): void {
    this.failures += 1;
    this.trialInFlight = false;
    if (this.current === 'half-open' || this.failures >= this.options.failureThreshold) {
      this.current = 'open';
      this.openedAt = this.now();
    }
  }
}
