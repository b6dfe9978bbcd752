import { ReportStore } from '../core/cases/types';
import { Logger } from './logger';

/**
 * Removes reports closed more than `retentionDays` ago, once at start and then every `everyMs`: what children
 * reported is kept no longer than the monitoring body needs it.
 */
export function startRetentionPurge(store: ReportStore, retentionDays: number, log: Logger, everyMs = 3_600_000): { stop(): void } {
  const purge = () => {
    const before = new Date(Date.now() - retentionDays * 86_400_000);
    store
      .purgeClosedBefore(before)
      .then((n) => {
        if (n > 0) log.info({ purged: n, closedBefore: before.toISOString() }, 'closed reports purged after retention');
      })
      .catch((err) => log.warn({ err }, 'retention purge failed; will retry'));
  };
  purge();
  const timer = setInterval(purge, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
