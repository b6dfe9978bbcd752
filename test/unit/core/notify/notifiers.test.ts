import { createNotifiers } from '../../../../core/notify/notifiers';

const webhookKey = Buffer.alloc(32, 1);

describe('createNotifiers', () => {
  it.each([
    [{}, []],
    [{ webhookUrl: 'https://monitor.example/hook' }, ['webhook']],
    [{ smtpUrl: 'smtp://mail.example' }, []],
    [{ smtpUrl: 'smtp://mail.example', emailTo: 'duty@monitor.example' }, ['email']],
    [
      {
        webhookUrl: 'https://monitor.example/hook',
        smtpUrl: 'smtp://mail.example',
        emailTo: 'duty@monitor.example',
      },
      ['webhook', 'email'],
    ],
  ])('with %j builds %j', (settings, names) => {
    const built = createNotifiers({ webhookKey, ...settings });
    expect(built.notifiers.map((n) => n.name)).toEqual(names);
    built.close();
  });
});
