import { contentWords, rememberingOwnWords } from '../../../bot/screener';
import { Screening } from '../../../core/triage/types';

function countingScreen() {
  const calls: string[] = [];
  const screen = (text: string, locale?: string): Screening => {
    calls.push(`${locale}:${text}`);
    return text.includes('hurt')
      ? { risk: 'urgent', categories: ['physical_abuse'], reasons: [`rule for ${locale}`] }
      : { risk: 'none', categories: [], reasons: [] };
  };
  return { calls, screen };
}

describe('screening remembers only our own words', () => {
  const own = contentWords({ en: { common: { menu: ['Make a complaint', 'I am hurt'], nested: { yes: 'Yes' } } } });

  it('collects every short string of the content, however deep', () => {
    expect([...own].sort()).toEqual(['I am hurt', 'Make a complaint', 'Yes']);
  });

  it('screens a tapped content string once per locale and answers the same after', () => {
    const { calls, screen } = countingScreen();
    const remembering = rememberingOwnWords(screen, own);
    expect(remembering('I am hurt', 'en')).toEqual(screen('I am hurt', 'en'));
    calls.length = 0;
    expect(remembering('I am hurt', 'en').risk).toBe('urgent');
    expect(remembering('I am hurt', 'th').reasons).toEqual(['rule for th']);
    expect(calls).toEqual(['th:I am hurt']);
  });

  it('screens a child’s own words every time and keeps nothing of them', () => {
    const { calls, screen } = countingScreen();
    const remembering = rememberingOwnWords(screen, own);
    remembering('he hurt me', 'en');
    remembering('he hurt me', 'en');
    expect(calls).toEqual(['en:he hurt me', 'en:he hurt me']);
  });

  it('hands out copies, so a caller that changes one cannot change the next answer', () => {
    const remembering = rememberingOwnWords(countingScreen().screen, own);
    remembering('I am hurt', 'en').categories.push('neglect');
    expect(remembering('I am hurt', 'en').categories).toEqual(['physical_abuse']);
  });
});
