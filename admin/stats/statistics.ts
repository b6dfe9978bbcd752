import { Report } from '../../core/cases/types';
import { Facility } from '../../core/facilities/types';
import { isOverdue } from '../cases/caseWork';

export interface CategoryMonth {
  month: string;
  category: string;
  count: number;
}

export interface FacilityOverview {
  facilityId: string;
  name: string;
  open: number;
  urgentOpen: number;
  overdue: number;
  total: number;
  lastReportAt?: string;
}

const UNCATEGORISED = 'uncategorised';

/** Reports per month (UTC, YYYY-MM) and category; a report counts once under each of its categories (or its topic). */
export function byCategoryAndMonth(reports: Report[]): CategoryMonth[] {
  const counts = new Map<string, number>();
  for (const r of reports) {
    const month = r.createdAt.slice(0, 7);
    const cats = r.categories.length ? r.categories : [r.topic ?? UNCATEGORISED];
    for (const c of new Set(cats)) counts.set(`${month}\u0000${c}`, (counts.get(`${month}\u0000${c}`) ?? 0) + 1);
  }
  return [...counts]
    .map(([k, count]) => {
      const [month, category] = k.split('\u0000');
      return { month, category, count };
    })
    .sort((a, b) => b.month.localeCompare(a.month) || a.category.localeCompare(b.category));
}

/**
 * Per facility, what helps decide where an unannounced visit is due: open and urgent reports, overdue ones, the last
 * report. Facilities with no reports are listed too (silence can also be a signal). Sorted most pressing first.
 */
export function facilityOverview(reports: Report[], facilities: Facility[], now: Date): FacilityOverview[] {
  const rows = new Map<string, FacilityOverview>(
    facilities.map((f) => [f.id, { facilityId: f.id, name: f.name, open: 0, urgentOpen: 0, overdue: 0, total: 0 }]),
  );
  for (const r of reports) {
    const id = r.facilityId ?? '(none)';
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { facilityId: id, name: id === '(none)' ? 'No facility given' : `${id} (unknown facility)`, open: 0, urgentOpen: 0, overdue: 0, total: 0 }));
    row.total++;
    if (r.status !== 'closed') {
      row.open++;
      if (r.risk === 'urgent') row.urgentOpen++;
    }
    if (isOverdue(r, now)) row.overdue++;
    if (!row.lastReportAt || r.createdAt > row.lastReportAt) row.lastReportAt = r.createdAt;
  }
  return [...rows.values()].sort((a, b) => b.urgentOpen - a.urgentOpen || b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name));
}

/**
 * The publishable table: only cells counting at least `minGroup` reports, and no totals, so a suppressed cell cannot
 * be worked out by subtraction.
 */
export function publishable(rows: CategoryMonth[], minGroup: number): CategoryMonth[] {
  return rows.filter((r) => r.count >= minGroup);
}
