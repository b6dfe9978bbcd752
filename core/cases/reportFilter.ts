import { Report, ReportFilter } from './types';

const OPEN = new Set(['new', 'acknowledged', 'in_progress', 'referred', 'visit_planned']);

/** Whether a report passes a filter; shared by every ReportStore adapter so they agree exactly. */
export function matchesFilter(r: Report, f: ReportFilter): boolean {
  if (f.status === 'open' && !OPEN.has(r.status)) return false;
  if (Array.isArray(f.status) && !f.status.includes(r.status)) return false;
  if (f.risk && !f.risk.includes(r.risk)) return false;
  if (f.category && !r.categories.includes(f.category as Report['categories'][number]) && r.topic !== f.category) return false;
  if (f.facilityIds && !(r.facilityId && f.facilityIds.includes(r.facilityId))) return false;
  if (f.locale && r.locale !== f.locale) return false;
  if (f.from && r.createdAt < f.from) return false;
  if (f.to && r.createdAt > f.to) return false;
  return true;
}

/** The triage queue order: urgent first, then overdue, then by due time. */
export function queueOrder(now: Date): (a: Report, b: Report) => number {
  const t = now.toISOString();
  const rank = (r: Report) => (r.risk === 'urgent' && r.status === 'new' ? 0 : r.dueAt < t ? 1 : 2);
  return (a, b) => rank(a) - rank(b) || a.dueAt.localeCompare(b.dueAt);
}
