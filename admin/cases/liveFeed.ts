import { Report, ReportStore } from '../../core/cases/types';

/** What the live stream tells a queue page about a new report: no text, only what the cue needs. */
export interface NewReport {
  id: string;
  kind: Report['kind'];
  risk: Report['risk'];
  facilityId?: string;
  createdAt: string;
}

type Listener = (report: Report) => void;

const WINDOW = 50;
const REMEMBER = 1000;

/**
 * Tells open queue pages about new reports. In one process, `notify` (wired to ReportService.onFiled) is immediate;
 * when the bot runs in another process, a poll of the newest reports every few seconds finds them. It polls only
 * while someone listens.
 */
export class LiveFeed {
  private readonly listeners = new Set<Listener>();
  private readonly seen = new Set<string>();
  private timer?: NodeJS.Timeout;
  private baseline = false;
  private polling = false;

  constructor(
    private readonly reports: ReportStore,
    private readonly opts: { pollMs: number; onError: (err: unknown) => void },
  ) {}

  /** Listens for new reports; returns the function that stops listening. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.baseline = false;
      void this.poll();
      this.timer = setInterval(() => void this.poll(), this.opts.pollMs);
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** A report was just filed in this process. */
  notify(report: Report): void {
    this.announce(report);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private announce(report: Report): void {
    if (this.seen.has(report.id)) return;
    this.remember(report.id);
    for (const listener of this.listeners) listener(report);
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size > REMEMBER) this.seen.delete(this.seen.values().next().value as string);
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const newest = await this.reports.list({ limit: WINDOW });
      // The first poll only learns what exists; the page that subscribed has just shown those.
      if (!this.baseline) newest.forEach((r) => this.remember(r.id));
      else newest.reverse().forEach((r) => this.announce(r));
      this.baseline = true;
    } catch (err) {
      this.opts.onError(err);
    } finally {
      this.polling = false;
    }
  }
}

export function newReportEvent(r: Report): NewReport {
  return { id: r.id, kind: r.kind, risk: r.risk, facilityId: r.facilityId, createdAt: r.createdAt };
}
