import { OutboxEvent } from '../cases/types';
import { signBody } from './signing';
import { Notifier, PermanentDeliveryError, TransientDeliveryError } from './types';

export interface WebhookOptions {
  url: string;
  /** HMAC key of the signature header: `SecretKeys.key('webhook')`. */
  key: Buffer;
  timeoutMs?: number;
  now?: () => Date;
}

/** The body the monitoring body receives: the event as filed, redacted text only. */
export function webhookPayload(e: OutboxEvent) {
  return {
    id: e.id,
    type: e.type,
    reportId: e.reportId,
    kind: e.kind,
    risk: e.risk,
    categories: e.categories,
    facilityId: e.facilityId,
    locale: e.locale,
    redactedText: e.redactedText,
    createdAt: e.createdAt,
    dueAt: e.dueAt,
  };
}

/**
 * POSTs each event as signed JSON. `Idempotency-Key` is the event id, the same on every retry, so the receiver can
 * drop duplicates (delivery is at least once). The signature covers the raw body, which holds the id: a replayed
 * request is a duplicate by that key. 2xx is delivered; 408, 429, 5xx, timeouts and network errors are retried; other
 * 4xx and redirects are permanent (a misconfigured URL or a rejected payload does not heal by retrying).
 */
export function createWebhookNotifier(opts: WebhookOptions): Notifier {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const now = opts.now ?? (() => new Date());
  return {
    name: 'webhook',
    async send(event) {
      const body = JSON.stringify(webhookPayload(event));
      let res: Response;
      try {
        res = await fetch(opts.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            'content-type': 'application/json',
            'idempotency-key': event.id,
            'x-heard-timestamp': String(Math.floor(now().getTime() / 1000)),
            'x-heard-signature': signBody(opts.key, body),
          },
          body,
        });
      } catch (err) {
        throw new TransientDeliveryError(
          `webhook request failed: ${err instanceof Error ? err.message : String(err)}`,
          { cause: err },
        );
      }
      // The answer's body is not needed; release the connection.
      await res.body?.cancel().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) return;
      if (res.status === 408 || res.status === 429 || res.status >= 500)
        throw new TransientDeliveryError(`webhook answered ${res.status}`);
      throw new PermanentDeliveryError(`webhook answered ${res.status}`);
    },
  };
}
