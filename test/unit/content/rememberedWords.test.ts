import path from 'node:path';
import { Content, loadContent } from '../../../content/loadContent';

describe("a language's t remembers bare keys and leaves every other lookup to i18next", () => {
  let content: Content;
  beforeAll(async () => {
    content = await loadContent(path.join(__dirname, '../../../content'));
  });

  it.each(['en', 'th', 'km', 'my'])('gives what i18next gives, in %s, the first time and after', (lng) => {
    const i18next = content.i18n.getFixedT(lng, 'common');
    const t = content.t(lng);
    for (const key of ['menu.rights', 'menu.help', 'turnFailed', 'no.such.key']) {
      expect(t(key)).toBe(i18next(key));
      expect(t(key)).toBe(i18next(key));
    }
    expect(content.t(lng, 'help')('received.urgent')).toBe(content.i18n.getFixedT(lng, 'help')('received.urgent'));
  });

  it('interpolates every time: two codes, two texts', () => {
    const t = content.t('en', 'help');
    expect(t('receipt', { code: '1111-2222-3333' })).toContain('1111-2222-3333');
    expect(t('receipt', { code: '4444-5555-6666' })).toContain('4444-5555-6666');
  });

  it('returns a fresh list for returnObjects, so a caller changing it changes nothing', () => {
    const t = content.t('en');
    const first = t('menuWords', { returnObjects: true }) as unknown as string[];
    expect(first).toContain('menu');
    first.length = 0;
    expect(t('menuWords', { returnObjects: true })).toContain('menu');
  });
});
