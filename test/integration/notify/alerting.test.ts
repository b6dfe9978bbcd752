import { outboxEventSchema } from '../../../core/cases/types';
import { createEmailNotifier } from '../../../core/notify/emailNotifier';
import { verifySignature } from '../../../core/notify/signing';
import { createWebhookNotifier } from '../../../core/notify/webhookNotifier';
import { keys, notifyHarness } from './notifyHarness';
import { parseMail, startSmtpReceiver, startWebhookReceiver, until } from './receivers';

describe('alerting the monitoring body (real Redis, loopback receivers)', () => {
  const closers: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });
  function harness() {
    const h = notifyHarness();
    closers.push(() => h.close());
    return h;
  }

  it('a webhook receiver and an SMTP server both get an urgent report within a second', async () => {
    const h = harness();
    const hook = await startWebhookReceiver();
    const smtp = await startSmtpReceiver();
    closers.push(hook.close, smtp.close);
    const email = createEmailNotifier({
      smtpUrl: smtp.url,
      to: 'duty@monitor.example',
      publicUrl: 'https://heard.example',
    });
    closers.push(() => email.close());
    h.worker([createWebhookNotifier({ url: hook.url, key: keys.key('webhook') }), email]);

    const event = await h.file({
      risk: 'urgent',
      categories: ['physical_abuse', 'detention'],
      redactedText: 'they lock us in at night',
    });
    const filedAt = Date.parse(event.createdAt);
    await until(() => hook.requests.length === 1 && smtp.messages.length === 1, 1000);

    const [req] = hook.requests;
    expect(outboxEventSchema.parse(JSON.parse(req.body))).toEqual(event);
    expect(req.headers['idempotency-key']).toBe(event.id);
    expect(verifySignature(keys.key('webhook'), req.body, req.headers['x-heard-signature'] as string)).toBe(
      true,
    );
    expect(Number(req.headers['x-heard-timestamp'])).toBeCloseTo(Date.now() / 1000, -1);

    const [mail] = smtp.messages;
    const { headers, text } = parseMail(mail.raw);
    expect(mail.to).toEqual(['duty@monitor.example']);
    expect(headers).toMatch(/^Subject: \[heard\] URGENT concern: physical_abuse, detention$/m);
    expect(headers).toContain(`Message-ID: <${event.id}@heard.example>`);
    expect(headers).toContain(`X-Heard-Idempotency-Key: ${event.id}`);
    expect(text).toContain(`Case: https://heard.example/admin/cases/${event.reportId}`);
    expect(text).toContain('they lock us in at night');

    const latencies = [req.at - filedAt, mail.at - filedAt];
    expect(Math.max(...latencies)).toBeLessThan(1000);
  });

  it('a receiver that fails twice then succeeds gets the alert delivered once, with one idempotency key', async () => {
    const h = harness();
    const hook = await startWebhookReceiver((_req, n) => (n <= 2 ? 503 : 200));
    closers.push(hook.close);
    h.worker([createWebhookNotifier({ url: hook.url, key: keys.key('webhook') })]);
    const event = await h.file();
    await until(() => hook.requests.length === 3);
    await new Promise((r) => setTimeout(r, 1500)); // past claimIdleMs: nothing more may arrive
    expect(hook.requests).toHaveLength(3);
    expect(hook.requests.map((r) => r.headers['idempotency-key'])).toEqual([event.id, event.id, event.id]);
    expect(await h.outbox().deadLetters(10)).toEqual([]);
    const delivered = await h.registry.getSingleMetric('heard_notify_delivered_total')!.get();
    expect(delivered.values).toEqual([
      expect.objectContaining({ value: 1, labels: { notifier: 'webhook' } }),
    ]);
  });

  it('a receiver that keeps failing gets maxAttempts tries, then the alert is dead-lettered', async () => {
    const h = harness();
    const hook = await startWebhookReceiver(() => 500);
    closers.push(hook.close);
    h.worker([createWebhookNotifier({ url: hook.url, key: keys.key('webhook') })], { maxAttempts: 4 });
    const event = await h.file();
    await until(async () => (await h.outbox().deadLetters(10)).length === 1);
    const [dead] = await h.outbox().deadLetters(10);
    expect(dead).toEqual({
      event,
      group: 'webhook',
      reason: 'gave up after 4 attempts: webhook answered 500',
    });
    expect(hook.requests).toHaveLength(4);
    expect(await h.redis.xpending(`${h.prefix}outbox`, 'webhook')).toEqual([0, null, null, null]);
  });

  it('a 400 from the receiver dead-letters the alert at once', async () => {
    const h = harness();
    const hook = await startWebhookReceiver(() => 400);
    closers.push(hook.close);
    h.worker([createWebhookNotifier({ url: hook.url, key: keys.key('webhook') })]);
    await h.file();
    await until(async () => (await h.outbox().deadLetters(10)).length === 1);
    expect((await h.outbox().deadLetters(1))[0].reason).toBe('webhook answered 400');
    expect(hook.requests).toHaveLength(1);
  });
});
