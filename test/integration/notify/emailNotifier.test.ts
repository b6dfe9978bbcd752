import { SMTPServer } from 'smtp-server';
import { AddressInfo } from 'node:net';
import { createEmailNotifier } from '../../../core/notify/emailNotifier';
import { PermanentDeliveryError, TransientDeliveryError } from '../../../core/notify/types';
import { sampleEvent, sampleReport } from '../../contracts/reportStoreContract';
import { parseMail, startSmtpReceiver } from './receivers';

const event = sampleEvent(
  sampleReport({ redactedText: 'มีคนตีฉันที่บ้านพัก [phone]', categories: ['physical_abuse'] }),
);

/** An SMTP server that refuses every recipient with the given reply code. */
async function refusingServer(code: number) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      callback(Object.assign(new Error('no such mailbox'), { responseCode: code }));
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('email notifier (loopback SMTP)', () => {
  it('mails the redacted text in UTF-8 with a link to the case', async () => {
    const smtp = await startSmtpReceiver();
    const email = createEmailNotifier({
      smtpUrl: smtp.url,
      to: 'duty@monitor.example',
      publicUrl: 'https://heard.example/base/',
    });
    try {
      await email.send(event);
      const { headers, text } = parseMail(smtp.messages[0].raw);
      expect(headers).toMatch(/^Subject: \[heard\] URGENT concern: physical_abuse$/m);
      expect(text).toContain('มีคนตีฉันที่บ้านพัก [phone]');
      expect(text).toContain(`Case: https://heard.example/base/admin/cases/${event.reportId}`);
    } finally {
      email.close();
      await smtp.close();
    }
  });

  it.each([
    [550, PermanentDeliveryError],
    [450, TransientDeliveryError],
  ])('a recipient refused with %i is %p', async (code, expected) => {
    const smtp = await refusingServer(code);
    const email = createEmailNotifier({ smtpUrl: smtp.url, to: 'duty@monitor.example' });
    try {
      await expect(email.send(event)).rejects.toBeInstanceOf(expected);
    } finally {
      email.close();
      await smtp.close();
    }
  });

  it('a server that is not listening is a retryable failure', async () => {
    const smtp = await startSmtpReceiver();
    await smtp.close();
    const email = createEmailNotifier({ smtpUrl: smtp.url, to: 'duty@monitor.example', timeoutMs: 500 });
    try {
      await expect(email.send(event)).rejects.toBeInstanceOf(TransientDeliveryError);
    } finally {
      email.close();
    }
  });
});
