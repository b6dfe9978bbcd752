import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { CompiledRuleSet } from './compiledRuleSet';
import { MatcherPool } from './matcherPool';
import { PatternError } from './patternCompiler';
import { ruleFileSchema } from './ruleSchema';

/** A rule file that cannot be used; the message names the file and, where it can, the rule id. */
export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
    this.name = new.target.name;
  }
}

/**
 * The rules folder: next to this file when running from source, and back in the source tree when running the
 * compiled form from dist/ (the build copies no JSON).
 */
export function defaultRulesDir(): string {
  const candidates = [
    join(__dirname, 'rules'),
    resolve(__dirname, '..', '..', '..', 'core', 'triage', 'rules'),
  ];
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0];
}

function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path;
  let where = path.length > 0 ? path.join('.') : '(top level)';
  if (path[0] === 'rules' && typeof path[1] === 'number') {
    const rules = (raw as { rules?: unknown[] }).rules;
    const id = (rules?.[path[1]] as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') where = `rule "${id}" (${path.join('.')})`;
  }
  return `${where}: ${issue.message}`;
}

/** Reads, validates and compiles one rule file, into a matcher of `pool` shared with files of the same script. */
export function loadRuleFile(path: string, pool: MatcherPool = new MatcherPool()): CompiledRuleSet {
  const file = basename(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new RuleFileError(file, `not readable JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = ruleFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new RuleFileError(file, parsed.error.issues.map((issue) => describeIssue(raw, issue)).join('; '));
  }
  const ids = new Set<string>();
  for (const rule of parsed.data.rules) {
    if (ids.has(rule.id)) throw new RuleFileError(file, `rule id "${rule.id}" is used twice`);
    ids.add(rule.id);
  }
  try {
    new RegExp(`\\p{Script=${parsed.data.script}}`, 'u');
  } catch (error) {
    throw new RuleFileError(file, `"${parsed.data.script}" is not a Unicode script name`, { cause: error });
  }
  try {
    return new CompiledRuleSet(parsed.data, pool);
  } catch (error) {
    if (error instanceof PatternError) throw new RuleFileError(file, error.message, { cause: error });
    throw error;
  }
}

/**
 * Loads every `*.json` rule file in `dir` (by default core/triage/rules), validated and compiled once. Throws
 * RuleFileError naming the file and rule at the first problem, so a broken file stops the start, not a screening.
 */
export function loadRuleSets(dir: string = defaultRulesDir()): CompiledRuleSet[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const pool = new MatcherPool();
  const sets = files.map((name) => loadRuleFile(join(dir, name), pool));
  const locales = new Set<string>();
  sets.forEach((set, index) => {
    if (locales.has(set.locale))
      throw new RuleFileError(files[index], `locale "${set.locale}" is declared twice`);
    locales.add(set.locale);
  });
  return sets;
}
