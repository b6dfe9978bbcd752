import { randomUUID } from 'node:crypto';
import { OutboxEvent, Report, ReportNotFound, ReportStore } from '../../core/cases/types';

export interface ReportStoreHarness {
  store: ReportStore;
  /** The outbox events written so far, in order. */
  events(): Promise<OutboxEvent[]>;
  close(): Promise<void>;
}

export function sampleReport(over: Partial<Report> = {}): Report {
  const id = over.id ?? randomUUID();
  return {
    id,
    kind: 'concern',
    risk: 'urgent',
    categories: ['physical_abuse'],
    reasons: ['says staff hit them (en:physical_abuse.staff_hit)'],
    status: 'new',
    facilityId: 'f1',
    locale: 'th',
    channelId: 'directline',
    pseudonym: 'p_abc',
    createdAt: '2026-11-02T10:00:00.000Z',
    dueAt: '2026-11-02T11:00:00.000Z',
    receiptHash: `h-${id}`,
    redactedText: 'redacted',
    wantsReply: false,
    notes: [],
    ...over,
  };
}

export function sampleEvent(report: Report): OutboxEvent {
  return {
    id: randomUUID(),
    type: 'report.created',
    reportId: report.id,
    risk: report.risk,
    kind: report.kind,
    categories: report.categories,
    facilityId: report.facilityId,
    locale: report.locale,
    redactedText: report.redactedText,
    createdAt: report.createdAt,
    dueAt: report.dueAt,
  };
}

/** The behaviour every ReportStore adapter must show. */
export function reportStoreContract(name: string, make: () => Promise<ReportStoreHarness>): void {
  describe(`ReportStore contract: ${name}`, () => {
    let h: ReportStoreHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(() => h.close());

    it('stores a report with its outbox event, and finds it by id and by receipt hash', async () => {
      const r = sampleReport();
      await h.store.create(r, sampleEvent(r));
      expect(await h.store.get(r.id)).toEqual(r);
      expect(await h.store.findByReceiptHash(r.receiptHash)).toEqual(r);
      const events = await h.events();
      expect(events.map((e) => e.reportId)).toEqual([r.id]);
    });

    it('files a replayed report once: a second create of the same id adds no event', async () => {
      const r = sampleReport();
      await h.store.create(r, sampleEvent(r));
      await h.store.create(r, sampleEvent(r));
      expect(await h.events()).toHaveLength(1);
    });

    it('finds nothing for an unknown id or receipt', async () => {
      expect(await h.store.get('nope')).toBeUndefined();
      expect(await h.store.findByReceiptHash('nope')).toBeUndefined();
    });

    it('updates through a change function and rejects an unknown id', async () => {
      const r = sampleReport();
      await h.store.create(r, sampleEvent(r));
      const next = await h.store.update(r.id, (c) => ({ ...c, status: 'acknowledged' }));
      expect(next.status).toBe('acknowledged');
      expect((await h.store.get(r.id))?.status).toBe('acknowledged');
      await expect(h.store.update('nope', (c) => c)).rejects.toBeInstanceOf(ReportNotFound);
    });

    it('applies concurrent updates without losing one', async () => {
      const r = sampleReport();
      await h.store.create(r, sampleEvent(r));
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          h.store.update(r.id, (c) => ({ ...c, notes: [...c.notes, { at: c.createdAt, actor: `a${i}`, kind: 'internal', text: `n${i}` }] })),
        ),
      );
      expect((await h.store.get(r.id))?.notes).toHaveLength(8);
    });

    it('lists by filter, newest first', async () => {
      const a = sampleReport({ createdAt: '2026-11-01T00:00:00.000Z', risk: 'concern', categories: ['bullying'] });
      const b = sampleReport({ createdAt: '2026-11-03T00:00:00.000Z', facilityId: 'f2', locale: 'km' });
      const c = sampleReport({ createdAt: '2026-11-02T00:00:00.000Z', status: 'closed', closedAt: '2026-11-02T01:00:00.000Z' });
      for (const r of [a, b, c]) await h.store.create(r, sampleEvent(r));
      const ids = async (f: Parameters<ReportStore['list']>[0]) => (await h.store.list(f)).map((r) => r.id);
      expect(await ids({})).toEqual([b.id, c.id, a.id]);
      expect(await ids({ status: 'open' })).toEqual([b.id, a.id]);
      expect(await ids({ risk: ['concern'] })).toEqual([a.id]);
      expect(await ids({ category: 'bullying' })).toEqual([a.id]);
      expect(await ids({ facilityIds: ['f2'] })).toEqual([b.id]);
      expect(await ids({ locale: 'km' })).toEqual([b.id]);
      expect(await ids({ from: '2026-11-02T00:00:00.000Z' })).toEqual([b.id, c.id]);
      expect(await ids({ limit: 1 })).toEqual([b.id]);
    });

    it('purges closed reports older than the retention date, and nothing else', async () => {
      const old = sampleReport({ status: 'closed', closedAt: '2025-01-01T00:00:00.000Z' });
      const recent = sampleReport({ status: 'closed', closedAt: '2026-11-01T00:00:00.000Z' });
      const open = sampleReport({ createdAt: '2024-01-01T00:00:00.000Z' });
      for (const r of [old, recent, open]) await h.store.create(r, sampleEvent(r));
      expect(await h.store.purgeClosedBefore(new Date('2026-01-01T00:00:00.000Z'))).toBe(1);
      expect(await h.store.get(old.id)).toBeUndefined();
      expect(await h.store.findByReceiptHash(old.receiptHash)).toBeUndefined();
      expect(await h.store.get(recent.id)).toBeDefined();
      expect(await h.store.get(open.id)).toBeDefined();
    });
  });
}
