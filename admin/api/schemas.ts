import { z } from 'zod';
import { noteSchema, Report, ReportFilter, reportStatusSchema, REPORT_KINDS } from '../../core/cases/types';
import { categorySchema, riskLevelSchema } from '../../core/triage/types';
import { isOverdue } from '../cases/caseWork';
import { NEXT_STATUSES } from '../cases/workflow';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
/** A list in a query string: `a,b` or `x=a&x=b`. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? undefined : (Array.isArray(v) ? v : String(v).split(',')).filter((s) => s !== '')), z.array(item).max(20).optional());
const day = z.preprocess(blankToUndefined, z.iso.date().optional());

export const queueQuery = z.object({
  /** `open` (default), `all`, or a list of statuses. */
  status: z.preprocess(
    (v) => (v === undefined || v === '' ? 'open' : v === 'open' || v === 'all' ? v : Array.isArray(v) ? v : String(v).split(',')),
    z.union([z.literal('open'), z.literal('all'), z.array(reportStatusSchema).min(1).max(6)]),
  ),
  risk: list(riskLevelSchema),
  /** A triage category or a complaint topic. */
  category: z.preprocess(blankToUndefined, z.string().max(60).optional()),
  facility: list(z.string().max(64)),
  locale: z.preprocess(blankToUndefined, z.string().max(10).optional()),
  /** Created on or after this day (UTC). */
  from: day,
  /** Created on or before this day (UTC). */
  to: day,
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type QueueQuery = z.infer<typeof queueQuery>;

export function toFilter(q: QueueQuery): ReportFilter {
  return {
    status: q.status === 'all' ? undefined : q.status,
    risk: q.risk,
    category: q.category,
    facilityIds: q.facility,
    locale: q.locale,
    from: q.from ? `${q.from}T00:00:00.000Z` : undefined,
    to: q.to ? `${q.to}T23:59:59.999Z` : undefined,
  };
}

export const queueItem = z.object({
  id: z.string(),
  kind: z.enum(REPORT_KINDS),
  risk: riskLevelSchema,
  categories: z.array(categorySchema),
  topic: z.string().optional(),
  status: reportStatusSchema,
  facilityId: z.string().optional(),
  locale: z.string(),
  createdAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  assignee: z.string().optional(),
});

export function toQueueItem(r: Report, now: Date): z.infer<typeof queueItem> {
  return {
    id: r.id,
    kind: r.kind,
    risk: r.risk,
    categories: r.categories,
    topic: r.topic,
    status: r.status,
    facilityId: r.facilityId,
    locale: r.locale,
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    overdue: isOverdue(r, now),
    assignee: r.assignee,
  };
}

export const queueAnswer = z.object({
  items: z.array(queueItem),
  counts: z.object({
    total: z.number(),
    urgentNew: z.number(),
    overdue: z.number(),
    byStatus: z.record(z.string(), z.number()),
    byRisk: z.record(z.string(), z.number()),
  }),
});

export const caseDetail = queueItem.extend({
  reasons: z.array(z.string()),
  channelId: z.string(),
  acknowledgedAt: z.string().optional(),
  closedAt: z.string().optional(),
  wantsReply: z.boolean(),
  /** What the child wrote with names, numbers and links removed. The original needs POST .../original (audited). */
  redactedText: z.string(),
  hasOriginal: z.boolean(),
  nextStatuses: z.array(reportStatusSchema),
  notes: z.array(noteSchema),
});

export function toCaseDetail(r: Report, now: Date): z.infer<typeof caseDetail> {
  return {
    ...toQueueItem(r, now),
    reasons: r.reasons,
    channelId: r.channelId,
    acknowledgedAt: r.acknowledgedAt,
    closedAt: r.closedAt,
    wantsReply: r.wantsReply,
    redactedText: r.redactedText,
    hasOriginal: !!r.original,
    nextStatuses: [...NEXT_STATUSES[r.status]],
    notes: r.notes,
  };
}

const noteText = z.string().trim().min(1, 'required').max(5000);
export const statusBody = z.object({ status: reportStatusSchema, note: noteText });
export const assigneeBody = z.object({ userId: z.string().max(100).nullable() });
export const noteBody = z.object({ kind: z.enum(['internal', 'reply']), text: noteText });
export const originalAnswer = z.object({
  text: z.string(),
  translation: z.union([z.object({ text: z.string(), label: z.literal('machine translation'), of: z.literal('redacted text') }), z.object({ error: z.string() })]).optional(),
});
export const idParam = z.string().min(1).max(100);
