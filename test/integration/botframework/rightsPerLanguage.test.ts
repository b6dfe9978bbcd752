import { LANGUAGES } from '../../../content/languages';
import { BotFrameworkClient, buttons, texts } from '../../support/botFrameworkClient';
import { RunningApp, startTestApp } from '../../support/testApp';

describe('every language reaches a principle explained in that language', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({ SPOOL_DIR: `/tmp/heard-spool-${process.pid}-rights` });
  });
  afterAll(() => running.stop());

  it('offers all twelve languages', () => {
    expect(running.heard.content.languages).toEqual([...LANGUAGES]);
  });

  it.each([...LANGUAGES])('%s', async (lng) => {
    const { content } = running.heard;
    const child = new BotFrameworkClient(running.url);
    await child.send('hi');
    await child.send(content.meta[lng].name); // the language, by its own name
    await child.send('1'); // under 12
    await child.send('1'); // Know my rights
    await child.send('1'); // How you should be treated (the twelve principles)
    const answer = texts(await child.send('3')).join('\n'); // principle 3: nobody locks you up
    const rights = content.t(lng, 'rights');
    expect(answer).toContain(rights('topics.noDetention.young'));
  });
});

describe('words that mean different things in different languages', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp({ SPOOL_DIR: `/tmp/heard-spool-${process.pid}-words` }, { screen: () => ({ risk: 'none', categories: [], reasons: [] }) });
  });
  afterAll(() => running.stop());

  it('a Filipino child answering "hindi" (no) files the complaint instead of being sent to the language picker', async () => {
    const { content } = running.heard;
    const child = new BotFrameworkClient(running.url);
    const fil = content.t('fil', 'complaint');
    for (const text of ['hi', 'Filipino', '2', content.t('fil')('menu.complaint'), '1', fil('topics.food')]) await child.send(text);
    await child.send('kulang ang pagkain tuwing gabi');
    const done = texts(await child.send('hindi')).join('\n');
    expect(done).toMatch(/\d{4}-\d{4}-\d{4}/);
  });

  it('an Indonesian "what rights do I have" question shows the rights, not a Hindi homonym\'s topic', async () => {
    const child = new BotFrameworkClient(running.url);
    for (const text of ['hi', 'Bahasa Indonesia', '2']) await child.send(text);
    const answer = await child.send('hak apa saja yang aku punya');
    const r = running.heard.content.t('id', 'rights');
    expect(buttons(answer)).toContain(r('groups.principles.title'));
  });
});
