import { queueOrder } from '../../core/cases/reportFilter';
import { dueAt, Sla } from '../../core/cases/sla';
import { Note, Report, ReportFilter, ReportNotFound, ReportStatus, ReportStore } from '../../core/cases/types';
import { AuditAction, AuditLog } from '../../core/audit/types';
import { TextSealer } from '../../core/privacy/textSealer';
import { StaffUser, UserStore } from '../../core/users/types';
import { Conflict, NotFound } from '../errors';
import { inScope, scopedFilter } from './scope';
import { canMove } from './workflow';
import { Translator } from './translator';

export interface CaseWorkDeps {
  reports: ReportStore;
  audit: AuditLog;
  users: UserStore;
  sealer: TextSealer;
  sla: Sla;
  translator?: Translator;
  /** Called after a reply is saved, e.g. to also send it on the child's channel (proactive message). */
  onReply?: (report: Report, note: Note) => Promise<void>;
  onError: (err: unknown, what: string) => void;
  now: () => Date;
}

export interface QueueCounts {
  total: number;
  urgentNew: number;
  overdue: number;
  byStatus: Partial<Record<ReportStatus, number>>;
  byRisk: Record<string, number>;
}

export interface Original {
  report: Report;
  text: string;
  translation?: { text: string; label: 'machine translation'; of: 'redacted text' } | { error: string };
}

// How many reports one queue request reads at most; the page shows the first QUEUE_PAGE of them.
const QUEUE_READ = 20_000;

/** What staff do with cases, protocol-free: pages and the JSON API both call this. Every access is audited. */
export class CaseWork {
  constructor(private readonly deps: CaseWorkDeps) {}

  /** The queue in triage order (urgent new first, then overdue, then by due time), within the user's scope. */
  async queue(user: StaffUser, filter: ReportFilter): Promise<{ items: Report[]; counts: QueueCounts }> {
    const now = this.deps.now();
    const items = (await this.deps.reports.list({ ...scopedFilter(user, filter), limit: QUEUE_READ })).sort(queueOrder(now));
    return { items, counts: countQueue(items, now) };
  }

  async view(user: StaffUser, id: string, ip: string): Promise<Report> {
    const report = await this.load(user, id);
    await this.record(user, 'report.view', id, ip);
    return report;
  }

  /** Decrypts what the child wrote; with a model, adds a machine translation of the redacted text beside it. */
  async original(user: StaffUser, id: string, ip: string): Promise<Original> {
    const report = await this.load(user, id);
    await this.record(user, 'report.original', id, ip);
    const text = report.original ? this.deps.sealer.open(report.original, report.id) : report.redactedText;
    const { translator } = this.deps;
    if (!translator || report.locale === 'en' || !report.redactedText.trim()) return { report, text };
    try {
      return { report, text, translation: { text: await translator.translate(report.redactedText, report.locale), label: 'machine translation', of: 'redacted text' } };
    } catch (err) {
      this.deps.onError(err, 'machine translation failed');
      return { report, text, translation: { error: 'The machine translation is not available right now.' } };
    }
  }

  async changeStatus(user: StaffUser, id: string, to: ReportStatus, note: string, ip: string): Promise<Report> {
    await this.load(user, id);
    const at = this.deps.now();
    let from: ReportStatus = to;
    const next = await this.update(id, (r) => {
      from = r.status;
      if (!canMove(r.status, to)) throw new Conflict(`${r.status} cannot become ${to}`);
      const acknowledged = to === 'acknowledged' ? at.toISOString() : r.acknowledgedAt;
      return {
        ...r,
        status: to,
        acknowledgedAt: acknowledged,
        // Once acknowledged, the clock runs to the answer; reopening a case puts it back on that clock.
        dueAt: to === 'acknowledged' ? dueAt(this.deps.sla, r.kind, r.risk, new Date(r.createdAt), true).toISOString() : r.dueAt,
        closedAt: to === 'closed' ? at.toISOString() : undefined,
        notes: [...r.notes, { at: at.toISOString(), actor: user.email, kind: 'status', text: note, status: to }],
      };
    });
    await this.record(user, 'report.status', id, ip, { from, to });
    return next;
  }

  async assign(user: StaffUser, id: string, assigneeId: string | undefined, ip: string): Promise<Report> {
    const report = await this.load(user, id);
    const assignee = assigneeId ? await this.deps.users.get(assigneeId) : undefined;
    if (assigneeId && (!assignee || assignee.disabled)) throw new NotFound('assignee');
    if (assignee && !inScope(assignee, report)) throw new Conflict('the assignee cannot see this case');
    const next = await this.update(id, (r) => ({ ...r, assignee: assignee?.email }));
    await this.record(user, 'report.assign', id, ip, { assignee: assignee?.email ?? '(nobody)' });
    return next;
  }

  /** An internal note (staff only) or a reply the child reads with their receipt code. */
  async addNote(user: StaffUser, id: string, kind: 'internal' | 'reply', text: string, ip: string): Promise<Report> {
    await this.load(user, id);
    const note: Note = { at: this.deps.now().toISOString(), actor: user.email, kind, text };
    const next = await this.update(id, (r) => ({ ...r, notes: [...r.notes, note] }));
    await this.record(user, kind === 'reply' ? 'report.reply' : 'report.note', id, ip);
    if (kind === 'reply' && this.deps.onReply) {
      // The reply is saved and readable with the receipt code whatever happens to the channel message.
      await this.deps.onReply(next, note).catch((err: unknown) => this.deps.onError(err, 'sending the reply on the channel failed'));
    }
    return next;
  }

  private async load(user: StaffUser, id: string): Promise<Report> {
    const report = await this.deps.reports.get(id);
    if (!report || !inScope(user, report)) throw new NotFound('report');
    return report;
  }

  private async update(id: string, change: (r: Report) => Report): Promise<Report> {
    try {
      return await this.deps.reports.update(id, change);
    } catch (err) {
      if (err instanceof ReportNotFound) throw new NotFound('report');
      throw err;
    }
  }

  private async record(user: StaffUser, action: AuditAction, target: string, ip: string, detail?: Record<string, string>): Promise<void> {
    await this.deps.audit.append({ at: this.deps.now().toISOString(), actor: user.email, action, target, ip, detail });
  }
}

/** Whether a report is past its due time and still open. */
export function isOverdue(r: Report, now: Date): boolean {
  return r.status !== 'closed' && Date.parse(r.dueAt) < now.getTime();
}

export function countQueue(items: Report[], now: Date): QueueCounts {
  const counts: QueueCounts = { total: items.length, urgentNew: 0, overdue: 0, byStatus: {}, byRisk: {} };
  for (const r of items) {
    if (r.risk === 'urgent' && r.status === 'new') counts.urgentNew++;
    if (isOverdue(r, now)) counts.overdue++;
    counts.byStatus[r.status] = (counts.byStatus[r.status] ?? 0) + 1;
    counts.byRisk[r.risk] = (counts.byRisk[r.risk] ?? 0) + 1;
  }
  return counts;
}
