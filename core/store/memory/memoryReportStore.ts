import { matchesFilter } from '../../cases/reportFilter';
import { OutboxEvent, Report, ReportFilter, ReportNotFound, ReportStore, reportSchema } from '../../cases/types';

/** In-memory reports, for the embedded default and tests; same behaviour as the Redis adapter. */
export class MemoryReportStore implements ReportStore {
  private readonly reports = new Map<string, string>();
  private readonly byReceipt = new Map<string, string>();

  constructor(private readonly events: { append(event: OutboxEvent): void }) {}

  async create(report: Report, event: OutboxEvent): Promise<void> {
    if (this.reports.has(report.id)) return; // replaying a spooled report twice files it once
    this.reports.set(report.id, JSON.stringify(reportSchema.parse(report)));
    this.byReceipt.set(report.receiptHash, report.id);
    this.events.append(event);
  }

  async get(id: string): Promise<Report | undefined> {
    const raw = this.reports.get(id);
    return raw ? reportSchema.parse(JSON.parse(raw)) : undefined;
  }

  async findByReceiptHash(hash: string): Promise<Report | undefined> {
    const id = this.byReceipt.get(hash);
    return id ? this.get(id) : undefined;
  }

  async update(id: string, change: (current: Report) => Report): Promise<Report> {
    // Read and write with no await in between, so concurrent updates apply one after another.
    const raw = this.reports.get(id);
    if (!raw) throw new ReportNotFound(id);
    const next = reportSchema.parse(change(reportSchema.parse(JSON.parse(raw))));
    this.reports.set(id, JSON.stringify(next));
    return next;
  }

  async list(filter: ReportFilter): Promise<Report[]> {
    const all = [...this.reports.values()].map((raw) => reportSchema.parse(JSON.parse(raw)));
    return all
      .filter((r) => matchesFilter(r, filter))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, filter.limit ?? 1000);
  }

  async purgeClosedBefore(before: Date): Promise<number> {
    let purged = 0;
    for (const report of await this.list({ status: ['closed'], limit: Number.MAX_SAFE_INTEGER })) {
      if (report.closedAt && new Date(report.closedAt) < before) {
        this.reports.delete(report.id);
        this.byReceipt.delete(report.receiptHash);
        purged++;
      }
    }
    return purged;
  }
}
