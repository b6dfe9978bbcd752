import { normaliseInput, normaliseLabel, recognizeChoice } from '../../../dialogs/recognizeChoice';

const menu = [
  { value: 'rights', title: 'Know my rights' },
  { value: 'views', title: 'Tell us how it is here' },
  { value: 'complaint', title: 'Make a complaint', synonyms: ['complain'] },
  { value: 'help', title: 'I need help now' },
];

describe('recognizeChoice', () => {
  it.each([
    ['1', 'rights'],
    ['3', 'complaint'],
    ['๓', 'complaint'], // Thai digit
    ['៣', 'complaint'], // Khmer digit
    ['३', 'complaint'], // Devanagari digit
    ['৪', 'help'], // Bengali digit
    ['၂', 'views'], // Burmese digit
    ['３', 'complaint'], // full-width
    ['Know my rights', 'rights'],
    ['  MAKE a complaint!! ', 'complaint'],
    ['complain', 'complaint'],
    ['i want to make a complaint please', 'complaint'],
  ])('reads %j as %s', (text, value) => {
    expect(recognizeChoice(text, menu)?.value).toBe(value);
  });

  it.each(['', '9', 'banana', 'my'])('does not guess for %j', (text) => {
    expect(recognizeChoice(text, menu)).toBeUndefined();
  });

  it('takes a value only as the whole message, never inside a longer word', () => {
    const yesNo = [
      { value: 'yes', title: 'Tell us what happened' },
      { value: 'no', title: 'No, carry on' },
    ];
    expect(recognizeChoice('no', yesNo)?.value).toBe('no');
    expect(recognizeChoice('i dont know', yesNo)).toBeUndefined();
    expect(recognizeChoice('not sure', yesNo)).toBeUndefined();
  });

  it('reads traditional Chinese as simplified, like our content', () => {
    const zh = [
      { value: 'yes', title: '是的，再说一些' },
      { value: 'no', title: '不用了，继续' },
    ];
    expect(recognizeChoice('不用了，繼續', zh)?.value).toBe('no');
    expect(normaliseInput('沒有了')).toBe('没有了');
  });
});

describe('normaliseInput', () => {
  it('drops emoji and punctuation and folds case and width', () => {
    expect(normaliseInput('🌐 ＬＡＮＧＵＡＧＥ!')).toBe('language');
  });
});

describe('normaliseLabel', () => {
  it('gives the same form as normaliseInput, also when asked again', () => {
    for (const label of ['Know my RIGHTS!', 'ตรวจสอบรายงาน ๓', '１２ to １７']) {
      expect(normaliseLabel(label)).toBe(normaliseInput(label));
      expect(normaliseLabel(label)).toBe(normaliseInput(label));
    }
  });
});
