import { alertMail } from '../../../../core/notify/emailNotifier';
import { OutboxEvent } from '../../../../core/cases/types';

const event: OutboxEvent = {
  id: 'e1',
  type: 'report.created',
  reportId: 'r-1',
  risk: 'urgent',
  kind: 'concern',
  categories: ['self_harm', 'neglect'],
  facilityId: 'f9',
  locale: 'km',
  redactedText: 'I want to [redacted]',
  createdAt: '2026-11-02T10:00:00.000Z',
  dueAt: '2026-11-02T11:00:00.000Z',
};

describe('alertMail', () => {
  it('names risk, kind and categories in the subject', () => {
    expect(alertMail(event).subject).toBe('[heard] URGENT concern: self_harm, neglect');
    expect(alertMail({ ...event, categories: [] }).subject).toBe('[heard] URGENT concern: uncategorised');
  });

  it('links the admin case under PUBLIC_URL, keeping its path prefix', () => {
    expect(alertMail(event, 'https://heard.example').text).toContain(
      'Case: https://heard.example/admin/cases/r-1',
    );
    expect(alertMail(event, 'https://example.org/heard/').text).toContain(
      'Case: https://example.org/heard/admin/cases/r-1',
    );
  });

  it('names the case id when there is no PUBLIC_URL', () => {
    expect(alertMail(event).text).toContain('Case: case id r-1');
  });

  it('carries the redacted text, the facility and the due time', () => {
    const { text } = alertMail(event);
    for (const part of ['I want to [redacted]', 'Facility: f9', 'Due: 2026-11-02T11:00:00.000Z', 'Alert e1'])
      expect(text).toContain(part);
  });
});
