import { plainIndic, skeleton, toClauses } from '../../../../core/triage/normalise';

describe('normalisation', () => {
  it.each([
    ['I WANT to DIE', [['i', 'want', 'to', 'die']]],
    ['k1ll mys3lf', [['kill', 'myself']]],
    ['d!e', [['die']]],
    ['pleeeease', [['pleease']]],
    ['don’t touch', [['dont', 'touch']]],
    ['self-harm', [['self', 'harm']]],
    ['wa\u200bnt', [['want']]],
    ['ｈｅｌｐ', [['help']]],
    ['help! he hit me.', [['help'], ['he', 'hit', 'me']]],
    ['3am and 14 years', [['3am', 'and', '14', 'years']]],
    // Quotation marks separate words but keep the clause: a question about a word stays one with the word.
    ['what does “bully” mean?', [['what', 'does', 'bully', 'mean']]],
    ['he said "you are nothing"', [['he', 'said', 'you', 'are', 'nothing']]],
    ['「欺负」是什么意思', [['欺负', '是什么意思']]],
    ['ผมอยากkill', [['ผมอยาก', 'kill']]],
    ['lol 😂', [['lol', '😂']]],
    // Traditional characters (Taiwan and Hong Kong variants alike) are read as simplified.
    ['他們不讓我打電話給媽媽', [['他们不让我打电话给妈妈']]],
    ['衞生間裏', [['卫生间里']]],
    ['我想死了', [['我想死了']]],
    [
      'line one\nline two',
      [
        ['line', 'one'],
        ['line', 'two'],
      ],
    ],
  ])('normalises %j', (text, clauses) => {
    expect(toClauses(text)).toEqual(clauses);
  });

  it('ends a clause at a declared clause-break word', () => {
    expect(toClauses('i am fine but he hits me', new Set(['but']))).toEqual([
      ['i', 'am', 'fine'],
      ['he', 'hits', 'me'],
    ]);
  });

  it('collapses doubled letters for word comparison', () => {
    expect(skeleton('diee')).toBe('die');
    expect(skeleton('kill')).toBe('kil');
    expect(skeleton('maar')).toBe('mar');
    expect(skeleton('word')).toBe('word');
  });

  it('folds Devanagari and Bengali spelling variants children mix: nasal marks, nukta, long and short i and u', () => {
    expect(skeleton('नहीं')).toBe(skeleton('नही'));
    expect(skeleton('नही')).toBe(skeleton('नहि'));
    expect(skeleton('ज़बरदस्ती')).toBe(skeleton('जबरदस्ती'));
    expect(skeleton('मारतीं')).toBe(skeleton('मारती'));
    expect(skeleton('पूछा')).toBe(skeleton('पुछा'));
    expect(skeleton('বাড়ী')).toBe(skeleton('বাড়ি'));
    expect(skeleton('কাঁদি')).toBe(skeleton('কাদি'));
    // Different letters stay different, and other scripts are untouched.
    expect(skeleton('मारा')).not.toBe(skeleton('मरा'));
    expect(plainIndic('ไม่')).toBe('ไม่');
    expect(plainIndic('chết')).toBe('chết');
  });

  it('keeps a word made of one repeated letter as it is, not a one-letter word', () => {
    expect(toClauses('kkkkk')).toEqual([['kk']]);
    expect(skeleton('kk')).toBe('kk');
    expect(skeleton('aa')).toBe('aa');
  });
});
