import { BotFrameworkClient, buttons, texts } from '../../support/botFrameworkClient';
import { RunningApp, startTestApp } from '../../support/testApp';

describe('POST /api/messages (in-memory store)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(() => running.stop());

  it('greets a child who joins, before they type anything', async () => {
    const replies = await new BotFrameworkClient(running.url).join();
    expect(texts(replies)[0]).toMatch(/Hello/);
    expect(buttons(replies)).toEqual(expect.arrayContaining(['English', 'ไทย']));
  });

  it('greets in Thai when the channel says the child uses Thai', async () => {
    const replies = await new BotFrameworkClient(running.url, undefined, 'emulator', 'th-TH').send('สวัสดี');
    expect(texts(replies)[0]).toContain('สวัสดี');
    expect(replies[0].locale).toBe('th');
  });

  it('walks onboarding to the menu, with choices by button title or typed number', async () => {
    const child = new BotFrameworkClient(running.url);
    await child.send('hi');
    const age = await child.send('English');
    expect(texts(age).join(' ')).toMatch(/How old are you/);
    expect(buttons(age)).toEqual(['Under 12', '12 to 17', '18 or older, I left care']);
    const menu = await child.send('2');
    const said = texts(menu).join(' ');
    expect(said).toMatch(/independent monitoring body/);
    expect(buttons(menu)).toEqual(['Know my rights', 'Tell us how it is here', 'Make a complaint', 'I need help now', 'Check my report']);
    const help = await child.send('4');
    expect(texts(help).join(' ')).toMatch(/1387/);
    expect(buttons(help)).toEqual(['Tell you what is happening', 'No, go on']);
    expect(buttons(await child.send('No'))).toContain('Know my rights');
  });

  it('asks again, without moving on, when it does not understand a choice', async () => {
    const child = new BotFrameworkClient(running.url);
    await child.send('hi');
    const again = await child.send('banana');
    expect(texts(again).join(' ')).toMatch(/did not understand/);
    expect(buttons(again)).toContain('English');
  });

  it('lets the child change language at any time with the word for language', async () => {
    const child = new BotFrameworkClient(running.url);
    await child.send('hi');
    await child.send('1');
    await child.send('3');
    const picker = await child.send('ภาษา');
    expect(buttons(picker)).toContain('ไทย');
    const thai = await child.send('ไทย');
    expect(texts(thai).join(' ')).toContain('ภาษาไทย');
    expect(buttons(thai)).toContain('รู้สิทธิของฉัน');
  });

  it('answers 400 with a short reason to a body that is not an activity', async () => {
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hi' }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.reason).toMatch(/channelId/);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js/);
  });

  it('answers 400 to malformed JSON and 413 to a body over 64 KB', async () => {
    const post = (body: string) =>
      fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect((await post('{"type":')).status).toBe(400);
    expect((await post(JSON.stringify({ type: 'message', text: 'x'.repeat(70_000) }))).status).toBe(413);
  });

  it('serves health, readiness and metrics', async () => {
    expect(await (await fetch(`${running.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${running.url}/readyz`)).json()).toEqual({ status: 'ready', store: 'memory' });
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toMatch(/heard_turns_total\{channel="emulator",type="message"\} \d+/);
    expect(metrics).toMatch(/heard_turn_duration_seconds_bucket/);
  });
});

describe('channels without buttons', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(() => running.stop());

  it('on sms, every choice is a numbered line and can be made by typing its number', async () => {
    const child = new BotFrameworkClient(running.url, '+66810000000', 'sms');
    const languages = texts(await child.send('hi')).join('\n');
    expect(languages).toMatch(/1\. English\n2\. ไทย/);
    const age = texts(await child.send('1')).join('\n');
    expect(age).toMatch(/1\. Under 12\n2\. 12 to 17/);
    const menu = texts(await child.send('2')).join('\n');
    expect(menu).toMatch(/4\. I need help now\n5\. Check my report/);
    expect(texts(await child.send('4')).join('\n')).toMatch(/1387[\s\S]*1\. Tell you what is happening\n2\. No, go on/);
  });
});
