import { RunningApp, startTestApp } from '../../support/testApp';
import {
  botMessages,
  buttonTitles,
  call,
  enrolledDeviceKey,
  pollUntil,
  startConversation,
} from './directLineKit';

describe('Direct Line 3.0 REST (in-memory store)', () => {
  let running: RunningApp;
  let deviceKey: string;
  beforeAll(async () => {
    running = await startTestApp();
    deviceKey = await enrolledDeviceKey(running);
  });
  afterAll(() => running.stop());

  it('greets a new conversation before the child types, with the languages as tagged buttons', async () => {
    const conv = await startConversation(running.url, deviceKey);
    // Thirty minutes, less the moment since tokens/generate issued it.
    expect(conv.expires_in).toBeGreaterThan(1790);
    expect(conv.expires_in).toBeLessThanOrEqual(1800);
    expect(conv.streamUrl).toMatch(
      new RegExp(
        `^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${conv.conversationId}/stream\\?watermark=0&t=`,
      ),
    );
    const { activities } = await pollUntil(running.url, conv, (a) => buttonTitles(a).includes('ไทย'));
    expect(botMessages(activities)[0].text).toMatch(/Hello/);
    const thai = activities.flatMap((a) => a.suggestedActions?.actions ?? []).find((x) => x.title === 'ไทย');
    expect(thai?.channelData?.heard).toEqual({ lang: 'th' });
  });

  it('echoes what the child sends, answers it, and continues from the watermark', async () => {
    const conv = await startConversation(running.url, deviceKey);
    const greeting = await pollUntil(running.url, conv, (a) => buttonTitles(a).includes('English'));
    const posted = await call(running.url, `/conversations/${conv.conversationId}/activities`, {
      bearer: conv.token,
      body: {
        type: 'message',
        text: '1',
        from: { id: 'whatever-the-client-says' },
        channelData: { clientActivityID: 'c-1' },
      },
    });
    expect(posted.status).toBe(200);
    const next = await pollUntil(
      running.url,
      conv,
      (a) =>
        /How old/.test(
          botMessages(a)
            .map((m) => m.text)
            .join(' '),
        ),
      greeting.watermark,
    );
    const echo = next.activities[0];
    expect(echo).toMatchObject({
      id: posted.body.id,
      type: 'message',
      text: '1',
      from: { role: 'user' },
      channelData: { clientActivityID: 'c-1' },
    });
    expect(echo.from.id).not.toBe('whatever-the-client-says');
    expect(next.watermark).toBeGreaterThan(greeting.watermark);
    const nothingNew = await call(
      running.url,
      `/conversations/${conv.conversationId}/activities?watermark=${next.watermark}`,
      { bearer: conv.token },
    );
    expect(nothingNew.body).toEqual({ activities: [], watermark: String(next.watermark) });
  });

  it('gives every conversation, even from one tablet, a user id of its own', async () => {
    const ids = [];
    for (let i = 0; i < 2; i++) {
      const conv = await startConversation(running.url, deviceKey);
      await call(running.url, `/conversations/${conv.conversationId}/activities`, {
        bearer: conv.token,
        body: { type: 'message', text: 'hi' },
      });
      const { activities } = await pollUntil(running.url, conv, (a) => a.some((x) => x.from.role === 'user'));
      ids.push(activities.find((x) => x.from.role === 'user')!.from.id);
    }
    expect(ids[0]).not.toEqual(ids[1]);
  });

  it('refreshes a token and reconnects with a fresh stream URL at the watermark', async () => {
    const conv = await startConversation(running.url, deviceKey);
    const refreshed = await call(running.url, '/tokens/refresh', { method: 'POST', bearer: conv.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.conversationId).toBe(conv.conversationId);
    const again = await call(running.url, `/conversations/${conv.conversationId}?watermark=3`, {
      bearer: refreshed.body.token,
    });
    expect(again.status).toBe(200);
    expect(again.body.streamUrl).toContain('watermark=3&t=');
  });

  it('starting the same conversation twice greets once', async () => {
    const generated = await call(running.url, '/tokens/generate', { method: 'POST', bearer: deviceKey });
    const first = await call(running.url, '/conversations', { bearer: generated.body.token, body: {} });
    const second = await call(running.url, '/conversations', { bearer: generated.body.token, body: {} });
    expect([first.status, second.status]).toEqual([201, 200]);
    const conv = first.body;
    const { activities } = await pollUntil(running.url, conv, (a) => botMessages(a).length >= 2);
    expect(activities.filter((a) => /Hello/.test(a.text ?? ''))).toHaveLength(1);
  });

  it('ends a conversation on endOfConversation: its log is gone and it cannot start again', async () => {
    const conv = await startConversation(running.url, deviceKey);
    await pollUntil(running.url, conv, (a) => botMessages(a).length > 0);
    const end = await call(running.url, `/conversations/${conv.conversationId}/activities`, {
      bearer: conv.token,
      body: { type: 'endOfConversation' },
    });
    expect(end.status).toBe(200);
    expect(
      (await call(running.url, `/conversations/${conv.conversationId}/activities`, { bearer: conv.token }))
        .status,
    ).toBe(404);
    expect((await call(running.url, '/conversations', { bearer: conv.token, body: {} })).status).toBe(404);
  });

  describe('refuses', () => {
    it('a token request without a device key, or with an unknown one (401)', async () => {
      expect((await call(running.url, '/tokens/generate', { method: 'POST' })).status).toBe(401);
      expect(
        (await call(running.url, '/tokens/generate', { method: 'POST', bearer: 'hdk_not-a-device-key' }))
          .status,
      ).toBe(401);
    });

    it('a revoked device, at token generation, refresh and start (403)', async () => {
      const { device, enrolmentCode } = await running.heard.devices.create('demo-facility', 'Soon revoked');
      const { deviceKey: key } = (await running.heard.devices.enrol(enrolmentCode))!;
      const generated = await call(running.url, '/tokens/generate', { method: 'POST', bearer: key });
      await running.heard.devices.revoke(device.id);
      expect((await call(running.url, '/tokens/generate', { method: 'POST', bearer: key })).status).toBe(403);
      expect(
        (await call(running.url, '/tokens/refresh', { method: 'POST', bearer: generated.body.token })).status,
      ).toBe(403);
      expect(
        (await call(running.url, '/conversations', { bearer: generated.body.token, body: {} })).status,
      ).toBe(403);
    });

    it('a device key where a conversation token belongs, and a token in place of a device key', async () => {
      const conv = await startConversation(running.url, deviceKey);
      const withKey = await call(running.url, `/conversations/${conv.conversationId}/activities`, {
        bearer: deviceKey,
      });
      expect(withKey.status).toBe(401);
      expect(withKey.body.error).toMatch(/tokens\/generate/);
      expect(
        (await call(running.url, '/tokens/generate', { method: 'POST', bearer: conv.token })).status,
      ).toBe(403);
    });

    it('a tampered token (401) and another conversation’s token (403)', async () => {
      const a = await startConversation(running.url, deviceKey);
      const b = await startConversation(running.url, deviceKey);
      const tampered = a.token.slice(0, -2) + (a.token.endsWith('AA') ? 'BB' : 'AA');
      expect(
        (await call(running.url, `/conversations/${a.conversationId}/activities`, { bearer: tampered }))
          .status,
      ).toBe(401);
      expect(
        (await call(running.url, `/conversations/${a.conversationId}/activities`, { bearer: b.token }))
          .status,
      ).toBe(403);
    });

    it.each([
      ['an unsupported type', { type: 'invoke' }, /^type: unsupported activity type/],
      ['a message without text', { type: 'message' }, /^text: a message needs text or value/],
      ['an over-long text', { type: 'message', text: 'x'.repeat(4001) }, /^text:/],
      [
        'an attachment',
        { type: 'message', text: 'hi', attachments: [{ contentType: 'image/png' }] },
        /^attachments:/,
      ],
      ['a bad locale', { type: 'message', text: 'hi', locale: '<script>' }, /^locale: not a language tag/],
    ])('%s with 400 and a short reason', async (_name, body, reason) => {
      const conv = await startConversation(running.url, deviceKey);
      const res = await call(running.url, `/conversations/${conv.conversationId}/activities`, {
        bearer: conv.token,
        body,
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(reason);
    });

    it('malformed JSON (400), a body over the limit (413) and a bad watermark (400)', async () => {
      const conv = await startConversation(running.url, deviceKey);
      const path = `/conversations/${conv.conversationId}/activities`;
      expect((await call(running.url, path, { bearer: conv.token, body: '{"type":' })).status).toBe(400);
      expect(
        (
          await call(running.url, path, {
            bearer: conv.token,
            body: { type: 'message', text: 'x'.repeat(20_000) },
          })
        ).status,
      ).toBe(413);
      expect((await call(running.url, `${path}?watermark=-1`, { bearer: conv.token })).status).toBe(400);
    });

    it('is never cached', async () => {
      const conv = await startConversation(running.url, deviceKey);
      const res = await call(running.url, `/conversations/${conv.conversationId}/activities`, {
        bearer: conv.token,
      });
      expect(res.headers.get('cache-control')).toBe('no-store');
    });
  });
});
