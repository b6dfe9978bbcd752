import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConcernSpool } from '../../../../core/cases/concernSpool';
import { ReportService } from '../../../../core/cases/reportService';
import { DEFAULT_SLA } from '../../../../core/cases/sla';
import { OutboxEvent, Report, ReportStore } from '../../../../core/cases/types';
import { SecretKeys } from '../../../../core/privacy/secretKeys';
import { TextSealer } from '../../../../core/privacy/textSealer';
import { MemoryRateLimiter } from '../../../../core/store/memory/memoryRateLimiter';
import { MemoryReportStore } from '../../../../core/store/memory/memoryReportStore';
import { StoreUnavailable } from '../../../../core/store/types';

const keys = new SecretKeys('unit-test-secret-0123456789abcdef0123');
const sealer = new TextSealer(keys);

function service(store: ReportStore, spoolFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'spool-')), 'spool.jsonl')) {
  const spool = new ConcernSpool(spoolFile, sealer);
  const svc = new ReportService({ store, spool, keys, sealer, sla: DEFAULT_SLA, limiter: new MemoryRateLimiter(), now: () => new Date('2026-11-02T10:00:00Z') });
  return { svc, spool, spoolFile };
}

const input = {
  kind: 'concern' as const,
  risk: 'urgent' as const,
  categories: ['physical_abuse' as const],
  reasons: ['r'],
  text: 'The night staff hit me. Call me on 081 234 5678, my name is Malee',
  locale: 'en',
  channelId: 'telegram',
  pseudonym: 'p_1',
  wantsReply: false,
};

class DownStore extends MemoryReportStore {
  down = true;
  override async create(r: Report, e: OutboxEvent) {
    if (this.down) throw new StoreUnavailable('down');
    return super.create(r, e);
  }
}

describe('ReportService', () => {
  it('files a report with a receipt code, a due time from the SLA, redacted text and the original sealed', async () => {
    const events: OutboxEvent[] = [];
    const store = new MemoryReportStore({ append: (e) => events.push(e) });
    const { svc } = service(store);
    const filed = await svc.file(input);
    expect(filed.durability).toBe('store');
    expect(filed.receiptCode).toMatch(/^\d{4}-\d{4}-\d{4}$/);
    const stored = (await store.get(filed.report.id))!;
    expect(stored.dueAt).toBe('2026-11-02T11:00:00.000Z');
    expect(stored.redactedText).not.toMatch(/081|Malee/);
    expect(JSON.stringify(stored)).not.toContain(filed.receiptCode.replace(/-/g, ''));
    expect(sealer.open(stored.original!, stored.id)).toBe(input.text);
    expect(events[0].redactedText).toBe(stored.redactedText);
  });

  it('spools a report durably, and sealed, when the store is down, and files it once when replayed', async () => {
    const events: OutboxEvent[] = [];
    const store = new DownStore({ append: (e) => events.push(e) });
    const { svc, spool, spoolFile } = service(store);
    const filed = await svc.file(input);
    expect(filed.durability).toBe('spool');
    expect(spool.pending()).toBe(1);
    const onDisk = readFileSync(spoolFile, 'utf8');
    expect(onDisk).not.toContain('Malee');
    expect(onDisk).not.toContain('night staff');
    expect(await spool.replay(store)).toBe(0);
    expect(spool.pending()).toBe(1);
    store.down = false;
    expect(await spool.replay(store)).toBe(1);
    expect(await spool.replay(store)).toBe(0);
    expect(spool.pending()).toBe(0);
    expect((await store.get(filed.report.id))?.id).toBe(filed.report.id);
    expect(events).toHaveLength(1);
  });

  it('shows status and staff replies for the right code, in any digits and separators', async () => {
    const store = new MemoryReportStore({ append: () => undefined });
    const { svc } = service(store);
    const filed = await svc.file(input);
    await store.update(filed.report.id, (r) => ({ ...r, status: 'acknowledged', notes: [{ at: r.createdAt, actor: 'staff', kind: 'reply', text: 'We will visit.' }, { at: r.createdAt, actor: 'staff', kind: 'internal', text: 'secret' }] }));
    const result = await svc.check(filed.receiptCode.replace(/-/g, ' '), 'p_1');
    expect(result).toEqual({ found: true, status: 'acknowledged', dueAt: filed.report.dueAt, replies: [{ at: filed.report.createdAt, text: 'We will visit.' }] });
  });

  it('limits wrong codes per child, then refuses even the right code for a while', async () => {
    const store = new MemoryReportStore({ append: () => undefined });
    const { svc } = service(store);
    const filed = await svc.file(input);
    for (let i = 0; i < 5; i++) expect(await svc.check('0000-0000-000' + i, 'p_guess')).toEqual({ found: false, reason: 'not_found' });
    expect(await svc.check(filed.receiptCode, 'p_guess')).toEqual({ found: false, reason: 'rate_limited' });
    expect((await svc.check(filed.receiptCode, 'p_other')).found).toBe(true);
    expect(await svc.check('12-34', 'p_other')).toEqual({ found: false, reason: 'malformed' });
  });
});
