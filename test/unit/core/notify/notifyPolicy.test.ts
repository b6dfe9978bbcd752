import { OutboxEvent } from '../../../../core/cases/types';
import { shouldNotify } from '../../../../core/notify/notifyPolicy';

const event = (over: Partial<OutboxEvent>): OutboxEvent => ({
  id: 'e1',
  type: 'report.created',
  reportId: 'r1',
  risk: 'urgent',
  kind: 'concern',
  categories: ['self_harm'],
  locale: 'en',
  redactedText: 'x',
  createdAt: '2026-11-02T10:00:00.000Z',
  dueAt: '2026-11-02T11:00:00.000Z',
  ...over,
});

describe('shouldNotify', () => {
  it.each([
    ['report.created', 'urgent', 'webhook', true],
    ['report.created', 'urgent', 'email', true],
    ['report.created', 'concern', 'webhook', true],
    ['report.created', 'concern', 'email', false],
    ['report.created', 'none', 'webhook', false],
    ['report.created', 'none', 'email', false],
    ['report.updated', 'urgent', 'webhook', false],
    ['report.updated', 'urgent', 'email', false],
  ] as const)('%s with risk %s → %s: %s', (type, risk, notifier, expected) => {
    expect(shouldNotify(event({ type, risk }), notifier)).toBe(expected);
  });

  it('decides by risk, not by kind: an urgent complaint alerts too', () => {
    expect(shouldNotify(event({ kind: 'complaint' }), 'email')).toBe(true);
  });
});
