import { AuditLog } from '../../core/audit/types';
import { ReportStore } from '../../core/cases/types';
import { FacilityStore } from '../../core/facilities/types';
import { StaffUser } from '../../core/users/types';
import { byCategoryAndMonth, CategoryMonth, facilityOverview, FacilityOverview, publishable } from './statistics';
import { ViewsStore } from '../../core/views/types';
import { publishableViews, ViewSummary } from '../../core/views/publishableViews';
import { toCsv } from './csv';

const ALL = 1_000_000;
const VIEW_MONTHS = 12;

export interface Statistics {
  byCategoryMonth: CategoryMonth[];
  facilities: FacilityOverview[];
  /** Survey views of the last 12 months, only where at least `minGroup` children answered; undefined without views. */
  views?: ViewSummary[];
  minGroup: number;
}

/** Statistics and exports over every report (supervisors and admins see all cases). Exports are audited. */
export class StatsService {
  constructor(
    private readonly deps: {
      reports: ReportStore;
      facilities: FacilityStore;
      audit: AuditLog;
      views?: ViewsStore;
      minGroup: number;
      now: () => Date;
    },
  ) {}

  async statistics(): Promise<Statistics> {
    const { reports, facilities, views, minGroup, now } = this.deps;
    const all = await reports.list({ limit: ALL });
    return {
      byCategoryMonth: byCategoryAndMonth(all),
      facilities: facilityOverview(all, await facilities.list(), now()),
      views: views ? publishableViews((await Promise.all(lastMonths(now(), VIEW_MONTHS).map((m) => views.counts(m)))).flat(), minGroup) : undefined,
      minGroup,
    };
  }

  /** One row per report, no text: what was reported, where, when, and how it was handled. */
  async reportsCsv(actor: StaffUser, ip: string): Promise<string> {
    const all = await this.deps.reports.list({ limit: ALL });
    await this.record(actor, 'reports.csv', ip, { rows: String(all.length) });
    return toCsv(
      ['id', 'kind', 'risk', 'categories', 'topic', 'status', 'facility', 'language', 'channel', 'created', 'due', 'acknowledged', 'closed', 'assignee'],
      all.map((r) => [r.id, r.kind, r.risk, r.categories.join(' '), r.topic, r.status, r.facilityId, r.locale, r.channelId, r.createdAt, r.dueAt, r.acknowledgedAt, r.closedAt, r.assignee]),
    );
  }

  /** Internal statistics: every cell, small ones included, plus the facility overview. */
  async statisticsCsv(actor: StaffUser, ip: string): Promise<string> {
    const s = await this.statistics();
    await this.record(actor, 'statistics.csv', ip);
    return toCsv(
      ['table', 'month', 'category', 'facility', 'count', 'open', 'urgent_open', 'overdue', 'last_report'],
      [
        ...s.byCategoryMonth.map((r) => ['reports_by_category_month', r.month, r.category, undefined, r.count]),
        ...s.facilities.map((f) => ['facility_overview', undefined, undefined, f.facilityId, f.total, f.open, f.urgentOpen, f.overdue, f.lastReportAt]),
      ],
    );
  }

  /** For publication: aggregates whose group reaches the minimum only, no facility overview, no totals. */
  async publishableCsv(actor: StaffUser, ip: string): Promise<string> {
    const s = await this.statistics();
    await this.record(actor, 'publishable.csv', ip, { minGroup: String(s.minGroup) });
    return toCsv(
      ['table', 'month', 'category', 'facility', 'question', 'count', 'answered', 'mean', 'very_bad', 'bad', 'ok', 'good', 'very_good'],
      [
        ...publishable(s.byCategoryMonth, s.minGroup).map((r) => ['reports_by_category_month', r.month, r.category, undefined, undefined, r.count]),
        ...(s.views ?? []).map((v) => ['views', v.month, undefined, v.facilityId, v.questionId, undefined, v.answered, v.mean, v.counts['1'], v.counts['2'], v.counts['3'], v.counts['4'], v.counts['5']]),
      ],
    );
  }

  private async record(actor: StaffUser, target: string, ip: string, detail?: Record<string, string>): Promise<void> {
    const action = target === 'reports.csv' ? 'export.reports' : 'export.statistics';
    await this.deps.audit.append({ at: this.deps.now().toISOString(), actor: actor.email, action, target, ip, detail });
  }
}

/** YYYY-MM of this month and the `n - 1` before it (UTC). */
export function lastMonths(now: Date, n: number): string[] {
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7));
}
