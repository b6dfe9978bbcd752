import { byCategoryAndMonth, facilityOverview, publishable } from '../../../admin/stats/statistics';
import { lastMonths } from '../../../admin/stats/statsService';
import { Report } from '../../../core/cases/types';

const r = (over: Partial<Report>): Report =>
  ({
    id: Math.random().toString(36).slice(2),
    kind: 'concern',
    risk: 'concern',
    categories: [],
    reasons: [],
    status: 'new',
    locale: 'en',
    channelId: 'x',
    pseudonym: 'p',
    createdAt: '2026-10-05T00:00:00.000Z',
    dueAt: '2026-12-01T00:00:00.000Z',
    receiptHash: 'h',
    redactedText: '',
    wantsReply: false,
    notes: [],
    ...over,
  }) as Report;

describe('statistics', () => {
  it('counts reports per month and category, a report once per category, the topic when no category', () => {
    const rows = byCategoryAndMonth([
      r({ categories: ['neglect', 'bullying'] }),
      r({ categories: ['neglect'] }),
      r({ categories: ['neglect'], createdAt: '2026-11-01T00:00:00.000Z' }),
      r({ kind: 'complaint', topic: 'food' }),
    ]);
    expect(rows).toEqual([
      { month: '2026-11', category: 'neglect', count: 1 },
      { month: '2026-10', category: 'bullying', count: 1 },
      { month: '2026-10', category: 'food', count: 1 },
      { month: '2026-10', category: 'neglect', count: 2 },
    ]);
  });

  it('publishes only cells of at least the minimum group, and no totals', () => {
    const rows = [
      { month: '2026-10', category: 'neglect', count: 5 },
      { month: '2026-10', category: 'bullying', count: 4 },
    ];
    expect(publishable(rows, 5)).toEqual([{ month: '2026-10', category: 'neglect', count: 5 }]);
  });

  it('ranks facilities for visits: urgent open first, then overdue, and lists silent ones', () => {
    const now = new Date('2026-11-15T00:00:00Z');
    const rows = facilityOverview(
      [
        r({ facilityId: 'a', risk: 'urgent' }),
        r({ facilityId: 'b', dueAt: '2026-11-01T00:00:00.000Z', createdAt: '2026-10-20T00:00:00.000Z' }),
        r({ facilityId: 'b', status: 'closed', closedAt: '2026-10-10T00:00:00.000Z' }),
      ],
      [
        { id: 'a', name: 'Acacia', country: 'TH', kind: 'shelter' },
        { id: 'b', name: 'Banyan', country: 'TH', kind: 'shelter' },
        { id: 'c', name: 'Cedar', country: 'TH', kind: 'shelter' },
      ],
      now,
    );
    expect(rows.map((f) => [f.facilityId, f.open, f.urgentOpen, f.overdue, f.total, f.lastReportAt])).toEqual([
      ['a', 1, 1, 0, 1, '2026-10-05T00:00:00.000Z'],
      ['b', 1, 0, 1, 2, '2026-10-20T00:00:00.000Z'],
      ['c', 0, 0, 0, 0, undefined],
    ]);
  });

  it('names the last twelve months across a year boundary', () => {
    expect(lastMonths(new Date('2026-02-10T00:00:00Z'), 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });
});
