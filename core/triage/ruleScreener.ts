import { CompiledRule, CompiledRuleSet } from './compiledRuleSet';
import { toClauses } from './normalise';
import { Occurrence, PhraseMatcher, PreparedText } from './phraseMatcher';
import { loadRuleSets } from './ruleLoader';
import { Category, Screening } from './types';
import { readings } from './zawgyi';

/** Screens text with the rule files, synchronously. */
export interface RuleScreener {
  screen(text: string, locale?: string): Screening;
}

/** Declared "en-GB" runs "en", "hi-Latn" also runs "hi", and a bare "zh" runs "zh-Hans". */
function localeMatches(declared: string, ruleLocale: string): boolean {
  const a = declared.toLowerCase();
  const b = ruleLocale.toLowerCase();
  return a === b || a.startsWith(`${b}-`) || (b.startsWith(`${a}-`) && !a.includes('-'));
}

const ORDER = { urgent: 0, concern: 1 } as const;

function toScreening(matches: CompiledRule[]): Screening {
  const sorted = [...matches].sort((a, b) => ORDER[a.risk] - ORDER[b.risk]);
  const categories = new Set<Category>();
  const reasons = new Set<string>();
  for (const rule of sorted) {
    categories.add(rule.category);
    reasons.add(`${rule.reason} (${rule.locale}:${rule.id})`);
  }
  return { risk: sorted[0]?.risk ?? 'none', categories: [...categories], reasons: [...reasons] };
}

/** Every rule of `sets` that matches `text`. */
function matchAll(sets: CompiledRuleSet[], text: string, clauseBreaks: Set<string>): CompiledRule[] {
  const prepared = new PreparedText(toClauses(text, clauseBreaks));
  // Files sharing a matcher (one per script) are served by a single walk over the message.
  const found = new Map<PhraseMatcher, Occurrence[]>();
  return sets.flatMap((set) => {
    let occurrences = found.get(set.matcher);
    if (!occurrences) found.set(set.matcher, (occurrences = set.matcher.find(prepared)));
    return set.match(occurrences);
  });
}

/**
 * Builds the rule screener. A message is screened by the rule set of its declared locale and by every rule set
 * whose script appears in it, so Taglish or Thai with English words is caught by each language's rules. The result
 * is the highest risk of all matches; nothing in the text can lower it.
 */
export function createRuleScreener(sets: CompiledRuleSet[]): RuleScreener {
  const clauseBreaks = new Set(
    sets.flatMap((set) => set.clauseBreaks.flatMap((word) => toClauses(word).flat())),
  );
  const scripts = [...new Set(sets.map((set) => set.script))].map((script) => ({
    script,
    test: new RegExp(`\\p{Script=${script}}`, 'u'),
  }));
  return {
    screen(text, locale) {
      const normal = text.normalize('NFKC');
      const present = new Set(scripts.filter(({ test }) => test.test(normal)).map(({ script }) => script));
      const active = sets.filter(
        (set) => present.has(set.script) || (locale !== undefined && localeMatches(locale, set.locale)),
      );
      if (active.length === 0) return toScreening([]);
      return toScreening(readings(text).flatMap((reading) => matchAll(active, reading, clauseBreaks)));
    },
  };
}

/** Loads the rule files (see loadRuleSets) and builds a screener over all of them. */
export function loadRuleScreener(dir?: string): RuleScreener {
  return createRuleScreener(loadRuleSets(dir));
}
