import { PatternError } from './patternCompiler';
import { Occurrence, PhraseMatcher, PreparedText } from './phraseMatcher';
import { Rule, RuleFile } from './ruleSchema';
import { SegmentedMatcher } from './segmentedMatcher';
import { Category } from './types';
import { WordMatcher } from './wordMatcher';

/** A rule as screening needs it, tagged with the locale of its file. */
export interface CompiledRule {
  locale: string;
  id: string;
  category: Category;
  risk: 'urgent' | 'concern';
  reason: string;
}

type Role =
  | { kind: 'pattern'; rule: number }
  | { kind: 'all'; rule: number; list: number }
  | { kind: 'unless'; rule: number }
  | { kind: 'negator' | 'negatorAfter' | 'blocker' | 'figurative' };

/**
 * How close a negator must be: "nobody here ever hits us" (two words between) is negated, "if I don't come he
 * will beat me" (three) is not. In scripts without spaces the distance is in characters.
 */
const WINDOWS = {
  word: { before: 2, after: 1 },
  character: { before: 6, after: 4 },
} as const;

/** A rule file compiled into one phrase matcher, plus the logic that turns occurrences into matched rules. */
export class CompiledRuleSet {
  readonly locale: string;
  readonly script: string;
  readonly clauseBreaks: readonly string[];
  private readonly rules: Rule[];
  private readonly roles: Role[] = [];
  private readonly matcher: PhraseMatcher;

  /** Compiles a validated rule file; throws PatternError carrying the offending rule id in its message. */
  constructor(file: RuleFile) {
    this.locale = file.locale;
    this.script = file.script;
    this.clauseBreaks = file.clauseBreaks;
    this.rules = file.rules;
    const matcher = file.segmented ? new SegmentedMatcher() : new WordMatcher();
    this.matcher = matcher;
    const add = (pattern: string, role: Role, where: string) => {
      try {
        matcher.add(pattern, this.roles.length);
      } catch (error) {
        if (error instanceof PatternError) throw new PatternError(`${where}: ${error.message}`);
        throw error;
      }
      this.roles.push(role);
    };
    file.negators.forEach((p) => add(p, { kind: 'negator' }, 'negators'));
    file.negatorsAfter.forEach((p) => add(p, { kind: 'negatorAfter' }, 'negatorsAfter'));
    file.negationBlockers.forEach((p) => add(p, { kind: 'blocker' }, 'negationBlockers'));
    file.figurative.forEach((p) => add(p, { kind: 'figurative' }, 'figurative'));
    file.rules.forEach((rule, index) => {
      const where = `rule "${rule.id}"`;
      rule.patterns.forEach((p) => add(p, { kind: 'pattern', rule: index }, where));
      rule.unless.forEach((p) => add(p, { kind: 'unless', rule: index }, where));
      rule.all?.forEach((list, listIndex) => list.forEach((p) => add(p, { kind: 'all', rule: index, list: listIndex }, where)));
    });
  }

  /** The rules this text matches, after negation, figurative speech and `unless` have had their say. */
  match(text: PreparedText): CompiledRule[] {
    const occurrences = this.matcher.find(text);
    const hits = occurrences.filter((o) => ['pattern', 'all'].includes(this.roles[o.phrase].kind));
    if (hits.length === 0) return [];
    const byKind = (kind: Role['kind']) => occurrences.filter((o) => this.roles[o.phrase].kind === kind);
    const context = {
      negators: byKind('negator'),
      after: byKind('negatorAfter'),
      blockers: byKind('blocker'),
      figurative: byKind('figurative'),
      unless: byKind('unless'),
    };
    const matched = new Set<number>();
    const listsSeen = new Map<number, Set<number>>();
    for (const hit of hits) {
      const rule = this.ruleOf(hit);
      if (matched.has(rule) || this.cancelled(hit, rule, context)) continue;
      const role = this.roles[hit.phrase];
      if (role.kind === 'pattern') matched.add(rule);
      else if (role.kind === 'all') {
        const seen = listsSeen.get(rule) ?? new Set<number>();
        seen.add(role.list);
        listsSeen.set(rule, seen);
        if (seen.size === this.rules[rule].all?.length) matched.add(rule);
      }
    }
    return [...matched].sort((a, b) => a - b).map((index) => this.describe(index));
  }

  /** The rule a pattern, `all` or `unless` occurrence belongs to (-1 for negators and the like). */
  private ruleOf(occurrence: Occurrence): number {
    const role = this.roles[occurrence.phrase];
    return 'rule' in role ? role.rule : -1;
  }

  private cancelled(
    hit: Occurrence,
    rule: number,
    context: Record<'negators' | 'after' | 'blockers' | 'figurative' | 'unless', Occurrence[]>,
  ): boolean {
    const window = WINDOWS[this.matcher.unit];
    const sameClause = (o: Occurrence) => o.clause === hit.clause;
    const negatedBefore = context.negators.some(
      (n) =>
        sameClause(n) &&
        n.end <= hit.start &&
        hit.start - n.end <= window.before &&
        !context.blockers.some((b) => sameClause(b) && b.start >= n.end && b.end <= hit.start),
    );
    const negatedAfter = context.after.some(
      (a) => sameClause(a) && a.start >= hit.end && a.start - hit.end <= window.after,
    );
    const figurative = this.rules[rule].literalOnly && context.figurative.some(sameClause);
    const excepted = context.unless.some((u) => sameClause(u) && this.ruleOf(u) === rule);
    return negatedBefore || negatedAfter || figurative || excepted;
  }

  private describe(index: number): CompiledRule {
    const { id, category, risk, reason } = this.rules[index];
    return { locale: this.locale, id, category, risk, reason };
  }
}
