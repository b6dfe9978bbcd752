import { randomUUID } from 'node:crypto';
import { AdminClient } from './adminClient';
import { report } from './fixtures';
import { Harness, startHarness } from './harness';

describe('statistics exports', () => {
  let h: Harness;
  let admin: AdminClient;
  beforeAll(async () => {
    h = await startHarness();
    admin = await new AdminClient(h.url).signIn(h.login.email, h.login.password, h.login.totpSecret);
    const file = async (over: Parameters<typeof report>[0]) => {
      const r = report(over);
      await h.reports.create(r, { id: randomUUID(), type: 'report.created', reportId: r.id, risk: r.risk, kind: r.kind, categories: r.categories, locale: r.locale, redactedText: r.redactedText, createdAt: r.createdAt, dueAt: r.dueAt });
    };
    for (let i = 0; i < 5; i++) await file({ categories: ['neglect'], createdAt: '2026-10-0' + (i + 1) + 'T10:00:00.000Z', redactedText: `secret words ${i}` });
    for (let i = 0; i < 2; i++) await file({ categories: ['bullying'], createdAt: '2026-10-1' + i + 'T10:00:00.000Z' });
  });
  afterAll(() => h.stop());

  it('publishes only the cells of at least VIEWS_MIN_GROUP reports', async () => {
    const res = await admin.get('/admin/api/exports/publishable.csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="?heard-statistics-publishable-\d{4}-\d{2}-\d{2}\.csv/);
    const rows = res.text.trim().split('\r\n');
    expect(rows.slice(1)).toEqual(['reports_by_category_month,2026-10,neglect,,,5,,,,,,,']);
  });

  it('keeps the small cells in the internal statistics', async () => {
    const text = (await admin.get('/admin/api/exports/statistics.csv')).text;
    expect(text).toContain('reports_by_category_month,2026-10,bullying,,2');
    expect(text).toContain('facility_overview,,,demo-facility,7,7,0');
  });

  it('exports reports without what the children wrote, and records every export', async () => {
    const text = (await admin.get('/admin/api/exports/reports.csv')).text;
    expect(text.split('\r\n')).toHaveLength(9);
    expect(text).not.toContain('secret words');
    const audit = (await admin.get('/admin/api/audit?limit=20')).json<{ items: { action: string; target: string }[] }>().items;
    expect(audit.filter((e) => e.action.startsWith('export.')).map((e) => e.target)).toEqual(['reports.csv', 'statistics.csv', 'publishable.csv']);
  });
});
