import { randomUUID } from 'node:crypto';
import { ConnectorCall, startFakeConnector } from '../../support/fakeConnector';
import { RunningApp, startTestApp } from '../../support/testApp';

type Shape = 'suggestedActions' | 'heroCard' | 'numberedText';
const CHANNELS: [string, Shape][] = [
  ['emulator', 'suggestedActions'],
  ['telegram', 'suggestedActions'],
  ['line', 'suggestedActions'],
  ['facebook', 'suggestedActions'],
  ['msteams', 'heroCard'],
  ['sms', 'numberedText'],
];

describe('the same onboarding and complaint on every channel, replies through the channel connector', () => {
  let running: RunningApp;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  beforeAll(async () => {
    connector = await startFakeConnector();
    running = await startTestApp({ SPOOL_DIR: `/tmp/heard-spool-${process.pid}-channels` }, { screen: () => ({ risk: 'none', categories: [], reasons: [] }) });
  });
  afterAll(async () => {
    await running.stop();
    await connector.close();
  });

  /** Posts like Azure Bot Service does (normal delivery) and returns what the bot sent to the connector. */
  async function say(channelId: string, conversationId: string, text: string): Promise<ConnectorCall[]> {
    const before = connector.calls.length;
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: randomUUID(),
        text,
        channelId,
        serviceUrl: connector.url,
        from: { id: `${channelId}-child` },
        recipient: { id: 'heard' },
        conversation: { id: conversationId },
      }),
    });
    expect(res.status).toBe(200);
    return connector.calls.slice(before).filter((c) => c.conversationId === conversationId);
  }

  function choices(calls: ConnectorCall[], shape: Shape): string[] {
    const last = calls[calls.length - 1].activity;
    if (shape === 'suggestedActions') {
      const buttons = (last.suggestedActions as { actions: { title: string }[] }).actions.map((a) => a.title);
      // Where the app cuts long titles (Messenger, LINE) the buttons are numbers and the titles numbered lines.
      if (buttons.every((b) => /^\d+$/.test(b))) return [...(last.text ?? '').matchAll(/^(\d+)\. (.+)$/gm)].map((m) => m[2]);
      return buttons;
    }
    if (shape === 'heroCard') {
      expect(last.suggestedActions).toBeUndefined();
      const card = last.attachments?.[0] as { contentType: string; content: { buttons: { title: string }[] } };
      expect(card.contentType).toBe('application/vnd.microsoft.card.hero');
      return card.content.buttons.map((b) => b.title);
    }
    expect(last.suggestedActions).toBeUndefined();
    expect(last.attachments ?? []).toHaveLength(0);
    return [...(last.text ?? '').matchAll(/^(\d+)\. (.+)$/gm)].map((m) => m[2]);
  }

  it.each(CHANNELS)('%s shows choices as %s and files the complaint', async (channel, shape) => {
    const conv = `${channel}-${randomUUID()}`;
    // On sms every choice is made by typing its number; elsewhere by the button's title.
    const pick = (calls: ConnectorCall[], title: string) => {
      const options = choices(calls, shape);
      expect(options).toContain(title);
      const numbersOnly = shape === 'numberedText' || (calls[calls.length - 1].activity.text ?? '').includes(`. ${title}`);
      return numbersOnly ? String(options.indexOf(title) + 1) : title;
    };
    let calls = await say(channel, conv, 'hi');
    calls = await say(channel, conv, pick(calls, 'English'));
    calls = await say(channel, conv, pick(calls, '12 to 17'));
    calls = await say(channel, conv, pick(calls, 'Make a complaint'));
    calls = await say(channel, conv, pick(calls, 'Make a complaint'));
    await say(channel, conv, pick(calls, 'My room or the building'));
    calls = await say(channel, conv, 'The roof leaks onto my bed when it rains');
    calls = await say(channel, conv, pick(calls, 'No'));
    const done = calls.map((c) => c.activity.text).join('\n');
    expect(done).toMatch(/\d{4}-\d{4}-\d{4}/);
    const reports = await running.heard.stores.reports.list({});
    expect(reports.some((r) => r.channelId === channel && r.topic === 'room')).toBe(true);
  });
});
