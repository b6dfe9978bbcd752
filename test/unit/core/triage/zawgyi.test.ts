import { uni2zg } from 'rabbit-node';
import { loadRuleScreener } from '../../../../core/triage/ruleScreener';
import { readings } from '../../../../core/triage/zawgyi';

describe('Burmese typed in Zawgyi', () => {
  const screener = loadRuleScreener();
  // "The carer hits me every day" and "I want to die, I can't do anything any more", as a Unicode keyboard types them.
  const disclosures = ['စောင့်ရှောက်သူက ကျွန်မကို နေ့တိုင်းရိုက်တယ်', 'သေချင်တယ် ဘာမှ မလုပ်နိုင်တော့ဘူး'];

  it.each(disclosures)('flags the same disclosure whether it was typed in Unicode or Zawgyi: %s', (unicode) => {
    const zawgyi = uni2zg(unicode);
    expect(zawgyi).not.toBe(unicode);
    const asUnicode = screener.screen(unicode, 'my');
    expect(asUnicode.risk).not.toBe('none');
    expect(screener.screen(zawgyi, 'my')).toMatchObject({ risk: asUnicode.risk, categories: asUnicode.categories });
    // The rule file holds Unicode patterns only: a Zawgyi message is found through its converted reading.
    expect(readings(zawgyi)).toHaveLength(2);
  });

  it('leaves an ordinary message unflagged in either encoding', () => {
    const ordinary = 'ဒီနေ့ ထမင်းဟင်း မကောင်းဘူး'; // "today's food is not good"
    expect(screener.screen(ordinary, 'my').risk).toBe('none');
    expect(screener.screen(uni2zg(ordinary), 'my').risk).toBe('none');
  });

  it('reads a message without Burmese letters only as typed', () => {
    expect(readings('he hits me every day')).toEqual(['he hits me every day']);
  });
});
