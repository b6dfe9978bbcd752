import { createWebhookNotifier } from '../../../core/notify/webhookNotifier';
import { PermanentDeliveryError, TransientDeliveryError } from '../../../core/notify/types';
import { sampleEvent, sampleReport } from '../../contracts/reportStoreContract';
import { keys } from './notifyHarness';
import { startWebhookReceiver } from './receivers';

const event = sampleEvent(sampleReport({ redactedText: 'ครูตีผม [name]' }));

describe('webhook notifier (loopback HTTP)', () => {
  it.each([
    [200, undefined],
    [204, undefined],
    [302, PermanentDeliveryError],
    [400, PermanentDeliveryError],
    [401, PermanentDeliveryError],
    [404, PermanentDeliveryError],
    [408, TransientDeliveryError],
    [429, TransientDeliveryError],
    [500, TransientDeliveryError],
    [503, TransientDeliveryError],
  ])('an answer of %i is %p', async (status, expected) => {
    const hook = await startWebhookReceiver(() => status);
    try {
      const sending = createWebhookNotifier({ url: hook.url, key: keys.key('webhook') }).send(event);
      if (expected) await expect(sending).rejects.toBeInstanceOf(expected);
      else await expect(sending).resolves.toBeUndefined();
    } finally {
      await hook.close();
    }
  });

  it('a receiver that does not answer within the timeout is a retryable failure', async () => {
    const hook = await startWebhookReceiver(() => new Promise<number>(() => undefined));
    try {
      const started = Date.now();
      await expect(
        createWebhookNotifier({ url: hook.url, key: keys.key('webhook'), timeoutMs: 150 }).send(event),
      ).rejects.toBeInstanceOf(TransientDeliveryError);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await hook.close();
    }
  });

  it('a receiver that is not listening is a retryable failure', async () => {
    const hook = await startWebhookReceiver();
    await hook.close();
    await expect(
      createWebhookNotifier({ url: hook.url, key: keys.key('webhook') }).send(event),
    ).rejects.toBeInstanceOf(TransientDeliveryError);
  });

  it('posts exactly the agreed fields as UTF-8 JSON, signed, with the event id as idempotency key', async () => {
    const hook = await startWebhookReceiver();
    try {
      const now = new Date('2026-11-28T12:00:00.000Z');
      await createWebhookNotifier({ url: hook.url, key: keys.key('webhook'), now: () => now }).send(event);
      const [req] = hook.requests;
      expect(Object.keys(JSON.parse(req.body)).sort()).toEqual(
        [
          'categories',
          'createdAt',
          'dueAt',
          'facilityId',
          'id',
          'kind',
          'locale',
          'redactedText',
          'reportId',
          'risk',
          'type',
        ].sort(),
      );
      expect(JSON.parse(req.body).redactedText).toBe('ครูตีผม [name]');
      expect(req.headers['content-type']).toBe('application/json');
      expect(req.headers['idempotency-key']).toBe(event.id);
      expect(req.headers['x-heard-timestamp']).toBe(String(now.getTime() / 1000));
      expect(req.headers['x-heard-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    } finally {
      await hook.close();
    }
  });
});
