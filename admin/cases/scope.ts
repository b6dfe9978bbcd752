import { Report, ReportFilter } from '../../core/cases/types';
import { StaffUser } from '../../core/users/types';
import { can } from '../auth/permissions';

/** The facilities whose cases a user may see, or 'all'. A report without a facility is for 'all' only. */
export function caseScope(user: StaffUser): 'all' | string[] {
  return can(user.role, 'cases.all') ? 'all' : user.facilityIds;
}

export function inScope(user: StaffUser, report: Report): boolean {
  const scope = caseScope(user);
  return scope === 'all' || (!!report.facilityId && scope.includes(report.facilityId));
}

/** Narrows a filter to the user's scope; the facilities asked for are intersected with the allowed ones. */
export function scopedFilter(user: StaffUser, filter: ReportFilter): ReportFilter {
  const scope = caseScope(user);
  if (scope === 'all') return filter;
  return { ...filter, facilityIds: filter.facilityIds ? filter.facilityIds.filter((f) => scope.includes(f)) : scope };
}
