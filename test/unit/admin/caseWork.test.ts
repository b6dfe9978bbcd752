import { randomUUID } from 'node:crypto';
import { CaseWork } from '../../../admin/cases/caseWork';
import { Translator } from '../../../admin/cases/translator';
import { Conflict, NotFound } from '../../../admin/errors';
import { MemoryAuditLog } from '../../../core/audit/memoryAuditLog';
import { DEFAULT_SLA } from '../../../core/cases/sla';
import { Report } from '../../../core/cases/types';
import { SecretKeys } from '../../../core/privacy/secretKeys';
import { TextSealer } from '../../../core/privacy/textSealer';
import { MemoryReportStore } from '../../../core/store/memory/memoryReportStore';
import { MemoryUserStore } from '../../../core/users/memoryUserStore';
import { StaffUser } from '../../../core/users/types';

const sealer = new TextSealer(new SecretKeys('unit-secret-0123456789abcdef0123456789'));
const NOW = new Date('2026-11-02T12:00:00Z');

function staff(role: StaffUser['role'], facilityIds: string[] = []): StaffUser {
  return { id: randomUUID(), email: `${role}@monitor.example`, name: role, role, facilityIds, passwordHash: 'x', totpSecret: 'JBSWY3DPEHPK3PXP', totpActive: true, disabled: false, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() };
}

function report(over: Partial<Report> = {}): Report {
  const id = over.id ?? randomUUID();
  return {
    id,
    kind: 'concern',
    risk: 'concern',
    categories: ['neglect'],
    reasons: [],
    status: 'new',
    facilityId: 'home-a',
    locale: 'th',
    channelId: 'directline',
    pseudonym: 'p_x',
    createdAt: '2026-11-02T08:00:00.000Z',
    dueAt: '2026-11-03T08:00:00.000Z',
    receiptHash: `h-${id}`,
    redactedText: 'ไม่มีข้าว [name]',
    original: sealer.seal('ไม่มีข้าว สมชาย', id),
    wantsReply: true,
    notes: [],
    ...over,
  };
}

async function setup(opts: { translator?: Translator; onReply?: () => Promise<void> } = {}) {
  const reports = new MemoryReportStore({ append: () => undefined });
  const users = new MemoryUserStore();
  const audit = new MemoryAuditLog();
  const errors: string[] = [];
  const work = new CaseWork({ reports, audit, users, sealer, sla: DEFAULT_SLA, translator: opts.translator, onReply: opts.onReply, onError: (_e, what) => errors.push(what), now: () => NOW });
  const add = async (over: Partial<Report> = {}) => {
    const r = report(over);
    await reports.create(r, { id: randomUUID(), type: 'report.created', reportId: r.id, risk: r.risk, kind: r.kind, categories: r.categories, locale: r.locale, redactedText: r.redactedText, createdAt: r.createdAt, dueAt: r.dueAt });
    return r;
  };
  return { work, audit, add, errors, reports, users };
}

describe('case work', () => {
  const supervisor = staff('supervisor');

  it('walks the status workflow and refuses a step it does not allow', async () => {
    const { work, add } = await setup();
    const r = await add();
    await expect(work.changeStatus(supervisor, r.id, 'closed', 'too early', 'ip')).rejects.toBeInstanceOf(Conflict);
    for (const to of ['acknowledged', 'in_progress', 'visit_planned', 'closed', 'in_progress', 'referred'] as const) {
      expect((await work.changeStatus(supervisor, r.id, to, `now ${to}`, 'ip')).status).toBe(to);
    }
  });

  it('records acknowledgement, moves the SLA clock to the answer, stamps and clears closing', async () => {
    const { work, add } = await setup();
    const r = await add({ risk: 'urgent', dueAt: '2026-11-02T09:00:00.000Z' });
    const acked = await work.changeStatus(supervisor, r.id, 'acknowledged', 'called the home', 'ip');
    expect(acked.acknowledgedAt).toBe(NOW.toISOString());
    expect(Date.parse(acked.dueAt)).toBeGreaterThan(Date.parse(r.dueAt));
    expect(acked.notes).toEqual([{ at: NOW.toISOString(), actor: supervisor.email, kind: 'status', text: 'called the home', status: 'acknowledged' }]);
    const closed = await work.changeStatus(supervisor, r.id, 'closed', 'resolved', 'ip');
    expect(closed.closedAt).toBe(NOW.toISOString());
    expect((await work.changeStatus(supervisor, r.id, 'in_progress', 'reopened', 'ip')).closedAt).toBeUndefined();
  });

  it('puts urgent new reports first, then overdue ones, then by due time', async () => {
    const { work, add } = await setup();
    const later = await add({ dueAt: '2026-11-05T00:00:00.000Z' });
    const overdue = await add({ dueAt: '2026-11-02T11:00:00.000Z' });
    const urgent = await add({ risk: 'urgent', dueAt: '2026-11-02T12:30:00.000Z' });
    const sooner = await add({ dueAt: '2026-11-03T00:00:00.000Z' });
    const { items, counts } = await work.queue(supervisor, { status: 'open' });
    expect(items.map((r) => r.id)).toEqual([urgent.id, overdue.id, sooner.id, later.id]);
    expect(counts).toMatchObject({ total: 4, urgentNew: 1, overdue: 1 });
  });

  it('shows the original with a labelled machine translation of the redacted text only', async () => {
    const seen: string[] = [];
    const { work, add, audit } = await setup({ translator: { translate: async (text) => (seen.push(text), 'There is no rice [name]') } });
    const r = await add();
    const o = await work.original(supervisor, r.id, 'ip');
    expect(o.text).toBe('ไม่มีข้าว สมชาย');
    expect(o.translation).toEqual({ text: 'There is no rice [name]', label: 'machine translation', of: 'redacted text' });
    expect(seen).toEqual(['ไม่มีข้าว [name]']);
    expect((await audit.list({ limit: 1 }))[0]).toMatchObject({ action: 'report.original', target: r.id, actor: supervisor.email });
  });

  it('skips the translation for English and without a model, and says so when the model fails', async () => {
    const none = await setup();
    expect((await none.work.original(supervisor, (await none.add()).id, 'ip')).translation).toBeUndefined();
    const failing = await setup({ translator: { translate: async () => Promise.reject(new Error('timeout')) } });
    expect((await failing.work.original(supervisor, (await failing.add({ locale: 'en' })).id, 'ip')).translation).toBeUndefined();
    expect((await failing.work.original(supervisor, (await failing.add()).id, 'ip')).translation).toEqual({ error: expect.stringMatching(/not available/) });
    expect(failing.errors).toEqual(['machine translation failed']);
  });

  it('keeps a reply readable even when sending it on the channel fails', async () => {
    const { work, add, errors, reports } = await setup({ onReply: () => Promise.reject(new Error('conversation gone')) });
    const r = await add();
    await work.addNote(supervisor, r.id, 'reply', 'We will visit.', 'ip');
    expect((await reports.get(r.id))?.notes.map((n) => [n.kind, n.text])).toEqual([['reply', 'We will visit.']]);
    expect(errors).toEqual(['sending the reply on the channel failed']);
  });

  it('assigns a case only to someone who can see it', async () => {
    const { work, add, users } = await setup();
    const r = await add({ facilityId: 'home-a' });
    const there = staff('triager', ['home-a']);
    const elsewhere = { ...staff('triager', ['home-b']), email: 'elsewhere@monitor.example' };
    await users.create(there);
    await users.create(elsewhere);
    expect((await work.assign(supervisor, r.id, there.id, 'ip')).assignee).toBe(there.email);
    await expect(work.assign(supervisor, r.id, elsewhere.id, 'ip')).rejects.toBeInstanceOf(Conflict);
    await expect(work.assign(supervisor, r.id, 'nobody', 'ip')).rejects.toBeInstanceOf(NotFound);
  });

  it('hides cases outside a triager’s facilities as not found, and reports without a facility too', async () => {
    const { work, add } = await setup();
    const triager = staff('triager', ['home-a']);
    const mine = await add();
    const other = await add({ facilityId: 'home-b' });
    const none = await add({ facilityId: undefined });
    expect((await work.view(triager, mine.id, 'ip')).id).toBe(mine.id);
    await expect(work.view(triager, other.id, 'ip')).rejects.toBeInstanceOf(NotFound);
    await expect(work.changeStatus(triager, none.id, 'acknowledged', 'x', 'ip')).rejects.toBeInstanceOf(NotFound);
    expect((await work.queue(triager, { facilityIds: ['home-b'] })).items).toEqual([]);
    expect((await work.queue(triager, {})).items.map((r) => r.id)).toEqual([mine.id]);
  });
});
