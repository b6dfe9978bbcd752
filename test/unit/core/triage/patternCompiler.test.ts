import { expandAlternatives } from '../../../../core/triage/patternCompiler';

describe('pattern compiler', () => {
  it('expands optional groups at the start and end without gluing neighbouring words', () => {
    expect(expandAlternatives('(my|) bro(s|)')).toEqual(['my bros', 'my bro', 'bros', 'bro']);
    expect(expandAlternatives('(a|) b (c|)')).toEqual(['a b c', 'a b', 'b c', 'b']);
  });
});
