import { createAdmin } from '../../../admin/adminApp';
import { memoryStaffStores } from '../../../admin/staffStores';
import { DEFAULT_SLA } from '../../../core/cases/sla';
import { MemoryFacilityStore } from '../../../core/facilities/memoryFacilityStore';
import { SecretKeys } from '../../../core/privacy/secretKeys';
import { TextSealer } from '../../../core/privacy/textSealer';
import { MemoryRateLimiter } from '../../../core/store/memory/memoryRateLimiter';
import { MemoryReportStore } from '../../../core/store/memory/memoryReportStore';

/** The admin app on memory stores, not listening: for tests that inspect how it is built. */
export function builtAdmin() {
  return createAdmin({
    reports: new MemoryReportStore({ append: () => undefined }),
    facilities: new MemoryFacilityStore(),
    limiter: new MemoryRateLimiter(),
    sealer: new TextSealer(new SecretKeys('unit-secret-0123456789abcdef0123456789')),
    stores: memoryStaffStores(),
    sla: DEFAULT_SLA,
    content: { meta: {}, helplines: [] },
    viewsMinGroup: 5,
    production: false,
    log: { error: () => undefined, warn: () => undefined },
  });
}
