import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { startBotAuthServer } from '../../support/botAuthServer';
import { RunningApp, startTestApp } from '../../support/testApp';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const SERVICE_URL = 'http://127.0.0.1:9/';

describe('Bot Framework authentication with MicrosoftAppId set', () => {
  let auth: Awaited<ReturnType<typeof startBotAuthServer>>;
  let running: RunningApp;
  let reached = 0;

  beforeAll(async () => {
    auth = await startBotAuthServer(['telegram', 'sms']);
    running = await startTestApp(
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-for-incoming', MicrosoftAppType: 'MultiTenant' },
      { botOpenIdMetadataUrl: auth.metadataUrl },
    );
    const run = running.heard.bot.run.bind(running.heard.bot);
    running.heard.bot.run = async (ctx) => {
      reached++;
      return run(ctx);
    };
  });
  afterAll(async () => {
    await running.stop();
    await auth.close();
  });

  const post = (token: string | undefined, channelId = 'telegram') =>
    fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({
        type: 'message',
        text: 'hi',
        channelId,
        serviceUrl: SERVICE_URL,
        from: { id: 'u1' },
        recipient: { id: 'bot' },
        conversation: { id: `c-${Math.random()}` },
        deliveryMode: 'expectReplies',
      }),
    });
  const valid = { aud: APP_ID, serviceurl: SERVICE_URL };
  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

  it('accepts a valid channel token and runs the turn', async () => {
    const before = reached;
    const res = await post(auth.sign(valid));
    expect(res.status).toBe(200);
    expect((await res.json()).activities.length).toBeGreaterThan(0);
    expect(reached).toBe(before + 1);
  });

  it.each([
    ['no token', () => undefined, 'telegram'],
    ['an expired token', () => auth.sign(valid, { expiresIn: -3600 }), 'telegram'],
    ['a token for another bot', () => auth.sign({ ...valid, aud: 'someone-else' }), 'telegram'],
    ['a token from another issuer', () => auth.sign({ ...valid, iss: 'https://evil.example' }), 'telegram'],
    ['an unsigned token', () => jwt.sign(valid, '', { algorithm: 'none', keyid: 'test-key-1' } as jwt.SignOptions), 'telegram'],
    ['a token signed with a forged key', () => auth.sign(valid, { key: otherKey }), 'telegram'],
    ['a token for another serviceUrl', () => auth.sign({ ...valid, serviceurl: 'https://attacker.example/' }), 'telegram'],
    ['a key not endorsed for the channel', () => auth.sign(valid), 'facebook'],
  ])('refuses %s with 401, before any dialog runs', async (_name, token, channel) => {
    const before = reached;
    const res = await post(token(), channel);
    expect(res.status).toBe(401);
    expect(reached).toBe(before);
  });
});
