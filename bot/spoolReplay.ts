import { ConcernSpool } from '../core/cases/concernSpool';
import { ReportStore } from '../core/cases/types';
import { Logger } from './logger';

/** Replays spooled reports into the store every few seconds while any wait; stops with the app. */
export function startSpoolReplay(spool: ConcernSpool, store: ReportStore, log: Logger, everyMs = 2000): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running || spool.pending() === 0) return;
    running = true;
    spool
      .replay(store)
      .then((n) => {
        if (n > 0) log.info({ replayed: n, waiting: spool.pending() }, 'spooled reports filed into the store');
      })
      .catch((err) => log.error({ err }, 'spool replay failed'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
