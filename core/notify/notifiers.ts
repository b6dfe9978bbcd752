import { createEmailNotifier } from './emailNotifier';
import { Notifier } from './types';
import { createWebhookNotifier } from './webhookNotifier';

export interface NotifierSettings {
  webhookUrl?: string;
  /** `SecretKeys.key('webhook')`. */
  webhookKey: Buffer;
  smtpUrl?: string;
  emailTo?: string;
  publicUrl?: string;
}

/** Builds the notifiers the settings ask for: the webhook when it has a URL, email when it has a server and an address. */
export function createNotifiers(s: NotifierSettings): { notifiers: Notifier[]; close(): void } {
  const notifiers: Notifier[] = [];
  const closers: (() => void)[] = [];
  if (s.webhookUrl) notifiers.push(createWebhookNotifier({ url: s.webhookUrl, key: s.webhookKey }));
  if (s.smtpUrl && s.emailTo) {
    const email = createEmailNotifier({ smtpUrl: s.smtpUrl, to: s.emailTo, publicUrl: s.publicUrl });
    notifiers.push(email);
    closers.push(() => email.close());
  }
  return { notifiers, close: () => closers.forEach((close) => close()) };
}
