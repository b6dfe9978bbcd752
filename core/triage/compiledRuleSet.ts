import { MatcherPool } from './matcherPool';
import { PatternError } from './patternCompiler';
import { Occurrence, PhraseMatcher } from './phraseMatcher';
import { Rule, RuleFile } from './ruleSchema';
import { Category } from './types';

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
  | { kind: 'unless' | 'unlessInMessage'; rule: number }
  | { kind: 'negator' | 'negatorAfter' | 'blocker' | 'figurative' };

/**
 * How close a negator must be: "nobody here ever hits us" (two words between) is negated, "if I don't come he
 * will beat me" (three) is not. In scripts without spaces the distance is in characters.
 */
const WINDOWS = {
  word: { before: 2, after: 1 },
  character: { before: 6, after: 4 },
} as const;

/** True when `inner` lies wholly inside a span a gap of `hit` skipped ("मुझे कोई नहीं मारता" for "मुझे ... मारता"). */
function insideGap(hit: Occurrence, inner: Occurrence): boolean {
  const gaps = hit.gaps;
  if (!gaps) return false;
  for (let i = 0; i < gaps.length; i += 2)
    if (inner.start >= gaps[i] && inner.end <= gaps[i + 1]) return true;
  return false;
}

/**
 * A rule file compiled into its own range of phrases in a (shared) phrase matcher, plus the logic that turns
 * occurrences into matched rules.
 */
export class CompiledRuleSet {
  readonly locale: string;
  readonly script: string;
  readonly clauseBreaks: readonly string[];
  /** The matcher holding this file's phrases; the screener runs it once for all files sharing it. */
  readonly matcher: PhraseMatcher;
  private readonly rules: Rule[];
  /** Roles of this file's phrases, indexed from `firstPhrase`. */
  private readonly roles: Role[] = [];
  private readonly firstPhrase: number;

  /** Compiles a validated rule file; throws PatternError carrying the offending rule id in its message. */
  constructor(file: RuleFile, pool: MatcherPool = new MatcherPool()) {
    this.locale = file.locale;
    this.script = file.script;
    this.clauseBreaks = file.clauseBreaks;
    this.rules = file.rules;
    const shared = pool.get(file.script, file.segmented, file.fold);
    this.matcher = shared.matcher;
    this.firstPhrase = shared.nextPhrase;
    const add = (pattern: string, role: Role, where: string) => {
      try {
        shared.matcher.add(pattern, this.firstPhrase + this.roles.length);
      } catch (error) {
        if (error instanceof PatternError) throw new PatternError(`${where}: ${error.message}`);
        throw error;
      }
      this.roles.push(role);
      shared.nextPhrase = this.firstPhrase + this.roles.length;
    };
    file.negators.forEach((p) => add(p, { kind: 'negator' }, 'negators'));
    file.negatorsAfter.forEach((p) => add(p, { kind: 'negatorAfter' }, 'negatorsAfter'));
    file.negationBlockers.forEach((p) => add(p, { kind: 'blocker' }, 'negationBlockers'));
    file.figurative.forEach((p) => add(p, { kind: 'figurative' }, 'figurative'));
    file.rules.forEach((rule, index) => {
      const where = `rule "${rule.id}"`;
      rule.patterns.forEach((p) => add(p, { kind: 'pattern', rule: index }, where));
      rule.unless.forEach((p) => add(p, { kind: 'unless', rule: index }, where));
      rule.unlessInMessage.forEach((p) => add(p, { kind: 'unlessInMessage', rule: index }, where));
      rule.all?.forEach((list, listIndex) =>
        list.forEach((p) => add(p, { kind: 'all', rule: index, list: listIndex }, where)),
      );
    });
  }

  /**
   * The rules matched by `found` (what this file's matcher found in a message; other files' phrases are ignored),
   * after negation, figurative speech and `unless` have had their say.
   */
  match(found: Occurrence[]): CompiledRule[] {
    const occurrences = found.filter(
      (o) => o.phrase >= this.firstPhrase && o.phrase < this.firstPhrase + this.roles.length,
    );
    const hits = occurrences.filter((o) => ['pattern', 'all'].includes(this.role(o).kind));
    if (hits.length === 0) return [];
    const byKind = (kind: Role['kind']) => occurrences.filter((o) => this.role(o).kind === kind);
    const context = {
      negators: byKind('negator'),
      after: byKind('negatorAfter'),
      blockers: byKind('blocker'),
      figurative: byKind('figurative'),
      unless: byKind('unless'),
    };
    // A rule excepted anywhere in the message is out before any of its matches is looked at.
    const matched = new Set<number>();
    const excepted = new Set(byKind('unlessInMessage').map((o) => this.ruleOf(o)));
    const listsSeen = new Map<number, Set<number>>();
    for (const hit of hits) {
      const rule = this.ruleOf(hit);
      if (matched.has(rule) || excepted.has(rule) || this.cancelled(hit, rule, context)) continue;
      const role = this.role(hit);
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

  private role(occurrence: Occurrence): Role {
    return this.roles[occurrence.phrase - this.firstPhrase];
  }

  /** The rule a pattern, `all` or `unless*` occurrence belongs to (-1 for negators and the like). */
  private ruleOf(occurrence: Occurrence): number {
    const role = this.role(occurrence);
    return 'rule' in role ? role.rule : -1;
  }

  private cancelled(
    hit: Occurrence,
    rule: number,
    context: Record<'negators' | 'after' | 'blockers' | 'figurative' | 'unless', Occurrence[]>,
  ): boolean {
    const window = WINDOWS[this.matcher.unit];
    const sameClause = (o: Occurrence) => o.clause === hit.clause;
    const figurative = this.rules[rule].literalOnly && context.figurative.some(sameClause);
    const excepted = context.unless.some((u) => sameClause(u) && this.ruleOf(u) === rule);
    if (figurative || excepted) return true;
    if (!this.rules[rule].negatable) return false;
    const negatedBefore = context.negators.some(
      (n) =>
        sameClause(n) &&
        n.end <= hit.start &&
        hit.start - n.end <= window.before &&
        !context.blockers.some((b) => sameClause(b) && b.start >= n.end && b.end <= hit.start),
    );
    const negatedInGap = context.negators.some((n) => sameClause(n) && insideGap(hit, n));
    const negatedAfter = context.after.some(
      (a) => sameClause(a) && a.start >= hit.end && a.start - hit.end <= window.after,
    );
    return negatedBefore || negatedInGap || negatedAfter;
  }

  private describe(index: number): CompiledRule {
    const { id, category, risk, reason } = this.rules[index];
    return { locale: this.locale, id, category, risk, reason };
  }
}
