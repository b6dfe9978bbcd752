import { outboxEventSchema } from '../../../core/cases/types';
import { verifySignature } from '../../../core/notify/signing';
import { SecretKeys } from '../../../core/privacy/secretKeys';
import { startTestApp, uniquePrefix } from '../../support/testApp';
import { testRedisUrl } from '../../support/testRedis';
import { startWebhookReceiver, until } from './receivers';

const SECRET = 'test-secret-0123456789abcdef0123456789';

describe('the app runs the notify worker (real Redis)', () => {
  it('a concern filed through the report service reaches NOTIFY_WEBHOOK_URL, signed, without the original text', async () => {
    const hook = await startWebhookReceiver();
    const app = await startTestApp({
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: uniquePrefix(),
      NOTIFY_WEBHOOK_URL: hook.url,
      HEARD_SECRET: SECRET,
    });
    try {
      const { report } = await app.heard.reports.file({
        kind: 'concern',
        risk: 'urgent',
        categories: ['physical_abuse'],
        reasons: ['test'],
        text: 'Somchai hits me, call me on 0812345678',
        locale: 'en',
        channelId: 'directline',
        pseudonym: 'p_test',
        wantsReply: false,
      });
      await until(() => hook.requests.length === 1, 2000);
      const [req] = hook.requests;
      const event = outboxEventSchema.parse(JSON.parse(req.body));
      expect(event.reportId).toBe(report.id);
      expect(event.redactedText).toBe(report.redactedText);
      expect(req.body).not.toContain('0812345678');
      expect(
        verifySignature(
          new SecretKeys(SECRET).key('webhook'),
          req.body,
          req.headers['x-heard-signature'] as string,
        ),
      ).toBe(true);
      expect(await (await fetch(`${app.url}/metrics`)).text()).toMatch(
        /^heard_notify_delivered_total\{notifier="webhook"\} 1$/m,
      );
    } finally {
      await app.stop();
      await hook.close();
    }
  });

  it('alerts on the embedded in-memory store too', async () => {
    const hook = await startWebhookReceiver();
    const app = await startTestApp({ NOTIFY_WEBHOOK_URL: hook.url, SPOOL_DIR: `/tmp/heard-spool-${process.pid}-mem` });
    try {
      const { report } = await app.heard.reports.file({
        kind: 'concern',
        risk: 'urgent',
        categories: ['self_harm'],
        reasons: ['test'],
        text: 'I want to end it',
        locale: 'en',
        channelId: 'directline',
        pseudonym: 'p_mem',
        wantsReply: false,
      });
      await until(() => hook.requests.length === 1, 2000);
      expect(outboxEventSchema.parse(JSON.parse(hook.requests[0].body)).reportId).toBe(report.id);
    } finally {
      await app.stop();
      await hook.close();
    }
  });

  it('does not run the worker when ROLE is bot', async () => {
    const hook = await startWebhookReceiver();
    const app = await startTestApp({
      REDIS_URL: testRedisUrl(),
      REDIS_KEY_PREFIX: uniquePrefix(),
      NOTIFY_WEBHOOK_URL: hook.url,
      ROLE: 'bot',
    });
    try {
      await app.heard.reports.file({
        kind: 'concern',
        risk: 'urgent',
        categories: ['self_harm'],
        reasons: ['test'],
        text: 'x',
        locale: 'en',
        channelId: 'directline',
        pseudonym: 'p_test',
        wantsReply: false,
      });
      await new Promise((r) => setTimeout(r, 500));
      expect(hook.requests).toEqual([]);
    } finally {
      await app.stop();
      await hook.close();
    }
  });
});
