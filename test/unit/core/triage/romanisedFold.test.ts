import { foldedSame, foldedStartsWith, foldWord } from '../../../../core/triage/romanisedFold';

const same = (a: string, b: string) => foldedSame(foldWord(a), foldWord(b));

describe('romanised fold', () => {
  it.each([
    ['maar', 'mar'],
    ['chhodo', 'chodo'],
    ['zabardasti', 'jabardasti'],
    ['wapas', 'vapas'],
    ['bhookh', 'bhukh'],
    ['khudkushi', 'khudkhushi'],
    ['phone', 'fone'],
    ['kya', 'kia'],
    ['chha', 'xa'],
  ])('folds the spellings %j and %j to one form', (a, b) => {
    expect(foldWord(a)).toBe(foldWord(b));
  });

  it.each([
    ['mujhe', 'mjhe'],
    ['marna', 'mrna'],
    ['zabardasti', 'jbrdsti'],
    ['bahut', 'bht'],
  ])('meets %j written SMS-style as %j', (full, short) => {
    expect(same(full, short)).toBe(true);
    expect(same(short, full)).toBe(true);
  });

  it.each([
    ['mar', 'mera'],
    ['mar', 'umar'],
    ['mar', 'mara'],
    ['kamaiya', 'kami'],
    ['hai', 'h'],
    ['nahi', 'ni'],
  ])('keeps %j and %j apart', (a, b) => {
    expect(same(a, b)).toBe(false);
  });

  it('lets a stem reach SMS spellings on either side, but not through a dropped last letter', () => {
    expect(foldedStartsWith(foldWord('maarta'), foldWord('maar'))).toBe(true);
    expect(foldedStartsWith(foldWord('mrta'), foldWord('maar'))).toBe(true);
    expect(foldedStartsWith(foldWord('marte'), foldWord('mrt'))).toBe(true);
    expect(foldedStartsWith(foldWord('mera'), foldWord('ma'))).toBe(false);
    expect(foldedStartsWith(foldWord('umar'), foldWord('mar'))).toBe(false);
  });
});
