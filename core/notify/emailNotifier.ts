import nodemailer from 'nodemailer';
import { OutboxEvent } from '../cases/types';
import { Notifier, PermanentDeliveryError, TransientDeliveryError } from './types';

export interface EmailOptions {
  /** `smtp://` or `smtps://`, credentials in the URL. */
  smtpUrl: string;
  to: string;
  /** Base of the admin link; without it the mail names the case id only. */
  publicUrl?: string;
  from?: string;
  /** Bounds each SMTP step, so a hung server fails the attempt well before the outbox's claim idle time. */
  timeoutMs?: number;
}

/** Subject and plain-text body of an alert: redacted text and a link to the case, never the original text. */
export function alertMail(event: OutboxEvent, publicUrl?: string): { subject: string; text: string } {
  const categories = event.categories.join(', ') || 'uncategorised';
  // Appended, not resolved: behind a proxy PUBLIC_URL may carry a path prefix the admin lives under.
  const caseRef = publicUrl
    ? `${publicUrl.replace(/\/+$/, '')}/admin/cases/${encodeURIComponent(event.reportId)}`
    : `case id ${event.reportId}`;
  const text = [
    `A child filed a ${event.kind}. Risk: ${event.risk.toUpperCase()}.`,
    `Categories: ${categories}`,
    `Facility: ${event.facilityId ?? 'not given'}`,
    `Language: ${event.locale}`,
    `Filed: ${event.createdAt}`,
    `Due: ${event.dueAt}`,
    `Case: ${caseRef}`,
    '',
    'What the child wrote (redacted):',
    event.redactedText || '(no text)',
    '',
    `Alert ${event.id}. An alert can arrive more than once; this id identifies it.`,
  ].join('\n');
  return { subject: `[heard] ${event.risk.toUpperCase()} ${event.kind}: ${categories}`, text };
}

/**
 * Mails each event over SMTP. The event id is the Message-ID and `X-Heard-Idempotency-Key`, so a re-sent alert can
 * be recognised. SMTP 5xx replies (but 503) are permanent, as RFC 5321 says; everything else is retried.
 */
export function createEmailNotifier(opts: EmailOptions): Notifier & { close(): void } {
  const timeout = opts.timeoutMs ?? 10_000;
  // A small pool reuses connections: a burst of alerts does not pay the server's greeting delay for each one.
  const transport = nodemailer.createTransport({
    url: opts.smtpUrl,
    pool: true,
    maxConnections: 3,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  const domain = opts.publicUrl ? new URL(opts.publicUrl).hostname : 'localhost';
  const from = opts.from ?? `heard <notify@${domain}>`;
  return {
    name: 'email',
    async send(event) {
      const { subject, text } = alertMail(event, opts.publicUrl);
      try {
        await transport.sendMail({
          from,
          to: opts.to,
          subject,
          text,
          messageId: `<${event.id}@${domain}>`,
          headers: { 'X-Heard-Idempotency-Key': event.id },
        });
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        const message = `smtp send failed: ${err instanceof Error ? err.message : String(err)}`;
        if (code !== undefined && code >= 500 && code < 600 && code !== 503)
          throw new PermanentDeliveryError(message, { cause: err });
        throw new TransientDeliveryError(message, { cause: err });
      }
    },
    close: () => transport.close(),
  };
}
