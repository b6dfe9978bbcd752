import { RateLimiter } from '../types';

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, limit: number, windowMs: number): Promise<boolean> {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= t) {
      w = { count: 0, resetAt: t + windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count <= limit;
  }

  async exhausted(key: string, limit: number): Promise<boolean> {
    const w = this.windows.get(key);
    return !!w && w.resetAt > this.now() && w.count >= limit;
  }
}
