import { readdirSync } from 'node:fs';
import { defaultRulesDir, loadRuleSets, RuleFileError } from '../../../../core/triage/ruleLoader';
import { ruleFile, rulesDir } from './ruleFiles';

function loadError(files: Record<string, unknown>): RuleFileError {
  const { dir, remove } = rulesDir(files);
  try {
    loadRuleSets(dir);
  } catch (error) {
    return error as RuleFileError;
  } finally {
    remove();
  }
  throw new Error('expected the rules to be rejected');
}

describe('rule loader', () => {
  it('loads and compiles every rule file in the project, one set per file', () => {
    const files = readdirSync(defaultRulesDir()).filter((name) => name.endsWith('.json'));
    const sets = loadRuleSets();
    expect(sets.map((set) => `${set.locale}.json`).sort()).toEqual([...files].sort());
  });

  it('names the file and the rule id when a rule has an unknown category', () => {
    const bad = ruleFile({
      rules: [{ id: 'a.b', category: 'weather', risk: 'urgent', reason: 'r', patterns: ['x'] }],
    });
    const error = loadError({ 'xx.json': bad });
    expect(error).toBeInstanceOf(RuleFileError);
    expect(error.message).toMatch(/^xx\.json: rule "a\.b" \(rules\.0\.category\)/);
  });

  it.each([
    ['not JSON', '{ "locale": ', /not readable JSON/],
    [
      'a rule with neither patterns nor all',
      ruleFile({ rules: [{ id: 'a', category: 'bullying', risk: 'concern', reason: 'r' }] }),
      /rule "a".*patterns/,
    ],
    [
      'a duplicate rule id',
      ruleFile({
        rules: [1, 2].map(() => ({
          id: 'dup',
          category: 'bullying',
          risk: 'concern',
          reason: 'r',
          patterns: ['x'],
        })),
      }),
      /"dup" is used twice/,
    ],
    [
      'an unbalanced group',
      ruleFile({
        rules: [{ id: 'p', category: 'bullying', risk: 'concern', reason: 'r', patterns: ['(a|b c'] }],
      }),
      /rule "p": unbalanced/,
    ],
    [
      'punctuation inside a pattern',
      ruleFile({
        rules: [{ id: 'q', category: 'bullying', risk: 'concern', reason: 'r', patterns: ['stop. now'] }],
      }),
      /rule "q".*punctuation/,
    ],
    [
      'a risk level of none',
      ruleFile({ rules: [{ id: 'n', category: 'bullying', risk: 'none', reason: 'r', patterns: ['x'] }] }),
      /rule "n"/,
    ],
    ['an unknown script', ruleFile({ script: 'Klingon' }), /not a Unicode script name/],
    ['a clause break of two words', ruleFile({ clauseBreaks: ['even though'] }), /clauseBreaks.*one word/],
  ])('rejects %s with a message naming the file', (_label, content, message) => {
    const error = loadError({ 'zz.json': content });
    expect(error.message).toMatch(/^zz\.json: /);
    expect(error.message).toMatch(message);
  });

  it('rejects two files declaring the same locale', () => {
    expect(loadError({ 'a.json': ruleFile(), 'b.json': ruleFile() }).message).toMatch(
      /locale "en" is declared twice/,
    );
  });

  it('ignores files that are not JSON rule files', () => {
    const { dir, remove } = rulesDir({ 'README.md': '# notes', 'en.json': ruleFile() });
    try {
      expect(loadRuleSets(dir)).toHaveLength(1);
    } finally {
      remove();
    }
  });
});
