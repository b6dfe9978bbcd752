import { LANGUAGES } from '../../../content/languages';
import { BotFrameworkClient, texts } from '../../support/botFrameworkClient';
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
