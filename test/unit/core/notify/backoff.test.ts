import { backoffDelay } from '../../../../core/notify/backoff';

const opts = { baseMs: 1000, maxMs: 30_000 };

describe('backoffDelay', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [5, 16_000],
    [6, 30_000],
    [20, 30_000],
  ])('after %i failed attempts waits up to %i ms, doubling and capped', (attempts, ceiling) => {
    expect(backoffDelay(attempts, opts, () => 1)).toBe(ceiling);
    expect(backoffDelay(attempts, opts, () => 0)).toBe(ceiling / 2);
  });

  it('jitters between half and all of the exponential delay, never zero', () => {
    const delays = Array.from({ length: 200 }, () => backoffDelay(3, opts));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(4000);
    expect(new Set(delays).size).toBeGreaterThan(50);
  });
});
