import { BotFrameworkClient } from '../../support/botFrameworkClient';
import { startFakeConnector } from '../../support/fakeConnector';
import { RunningApp, startTestApp } from '../../support/testApp';

describe("a staff reply reaches the child's channel", () => {
  let running: RunningApp;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;
  beforeAll(async () => {
    connector = await startFakeConnector();
    running = await startTestApp({ SPOOL_DIR: `/tmp/heard-spool-${process.pid}-proactive` }, { screen: () => ({ risk: 'none', categories: [], reasons: [] }) });
  });
  afterAll(async () => {
    await running.stop();
    await connector.close();
  });

  async function complain(channel: string, wantsReply: 'Yes' | 'No', language = 'English') {
    const child = new BotFrameworkClient(running.url, undefined, channel);
    child.serviceUrl = connector.url;
    for (const text of ['hi', language, '2', language === 'English' ? 'Make a complaint' : 'ร้องเรียน', '1', '4', 'The water is cold every day', wantsReply === 'Yes' && language !== 'English' ? 'อยาก' : wantsReply]) {
      await child.send(text);
    }
    const [report] = await running.heard.stores.reports.list({});
    return { child, report };
  }
  const note = (text: string) => ({ at: new Date().toISOString(), actor: 'staff-1', kind: 'reply' as const, text });

  it.each(['telegram', 'sms', 'line'])('on %s, when the child asked for a reply', async (channel) => {
    const { child, report } = await complain(channel, 'Yes');
    expect(report.wantsReply).toBe(true);
    const before = connector.calls.length;
    expect(await running.heard.sendReplyToChild(report, note('We spoke to the home about hot water.'))).toBe(true);
    const [call] = connector.calls.slice(before);
    expect(call.conversationId).toBe(child.conversationId);
    expect(call.activity.text).toContain('We spoke to the home about hot water.');
    expect(call.activity.text).toContain('Check my report');
  });

  it("in the child's language", async () => {
    const { report } = await complain('telegram', 'Yes', 'ไทย');
    const before = connector.calls.length;
    await running.heard.sendReplyToChild(report, note('เราคุยกับบ้านพักแล้ว'));
    expect(connector.calls[before].activity.text).toContain('ทีมตรวจสอบตอบ');
    expect(connector.calls[before].activity.locale).toBe('th');
  });

  it('not at all when the child did not ask for a reply: nothing of the conversation was kept', async () => {
    const { report } = await complain('facebook', 'No');
    expect(report.conversationRef).toBeUndefined();
    const before = connector.calls.length;
    expect(await running.heard.sendReplyToChild(report, note('Hello'))).toBe(false);
    expect(connector.calls.length).toBe(before);
  });
});
