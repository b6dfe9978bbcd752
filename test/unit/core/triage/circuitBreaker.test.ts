import { CircuitBreaker } from '../../../../core/triage/circuitBreaker';

describe('circuit breaker', () => {
  let now = 0;
  const make = () => new CircuitBreaker({ failureThreshold: 2, cooldownMs: 100 }, () => now);
  beforeEach(() => {
    now = 0;
  });

  it('stays closed while failures are fewer than the threshold or interrupted by a success', () => {
    const breaker = make();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('opens after the threshold of consecutive failures and refuses calls until the cool-down', () => {
    const breaker = make();
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.tryAcquire()).toBe(false);
    now = 99;
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('lets exactly one trial call through when half-open', () => {
    const breaker = make();
    breaker.recordFailure();
    breaker.recordFailure();
    now = 100;
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('re-opens on a failed trial and closes on a successful one', () => {
    const breaker = make();
    breaker.recordFailure();
    breaker.recordFailure();
    now = 100;
    breaker.tryAcquire();
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    now = 200;
    breaker.tryAcquire();
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
  });

  it('rejects nonsensical options', () => {
    expect(() => new CircuitBreaker({ failureThreshold: 0, cooldownMs: 10 })).toThrow();
  });
});
