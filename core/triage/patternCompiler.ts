import { breaksClause, Clauses, skeleton, toClauses } from './normalise';

/** A pattern that cannot be compiled; the loader adds the file and rule id. */
export class PatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** One word of a word pattern, compared by skeleton; `stem` allows any ending. */
export interface PatternWord {
  word: string;
  stem: boolean;
}

/** A word pattern element: a choice between word sequences (an empty one makes it optional), or a gap. */
export type WordElement = { choices: PatternWord[][] } | { gap: number };

/** How many words `...` may skip in a word pattern, and how many characters in a segmented one (README). */
export const WORD_GAP = 4;
export const SEGMENTED_GAP = 12;
const MAX_VARIANTS = 512;

/**
 * Expands `(a|b|)` groups into every combination ("(hit|beat*) me" → "hit me", "beat* me"). An empty choice makes
 * the group optional. Used for scripts without spaces and for groups glued to a word; these groups do not nest.
 */
export function expandAlternatives(pattern: string): string[] {
  const out = expandRaw(pattern)
    .map((variant) => variant.replace(/\s+/g, ' ').trim())
    .filter((variant) => variant.length > 0);
  if (out.length > MAX_VARIANTS)
    throw new PatternError(`"${pattern}" expands to more than ${MAX_VARIANTS} variants`);
  return out;
}

// Spaces are kept until the whole pattern is expanded: trimming a tail early glued "(my|) bro" into "mybro".
function expandRaw(pattern: string): string[] {
  const open = pattern.indexOf('(');
  if (open < 0) {
    if (pattern.includes(')') || pattern.includes('|'))
      throw new PatternError(`unbalanced "|" or ")" in "${pattern}"`);
    return [pattern];
  }
  const close = pattern.indexOf(')', open);
  const inner = close < 0 ? '' : pattern.slice(open + 1, close);
  if (close < 0 || inner.includes('(')) throw new PatternError(`unbalanced or nested "(" in "${pattern}"`);
  const rests = expandRaw(pattern.slice(close + 1));
  const out: string[] = [];
  for (const choice of inner.split('|')) {
    for (const rest of rests) out.push(`${pattern.slice(0, open)}${choice}${rest}`);
    if (out.length > MAX_VARIANTS)
      throw new PatternError(`"${pattern}" expands to more than ${MAX_VARIANTS} variants`);
  }
  return out;
}

// Rule files repeat the same words thousands of times; normalising each once keeps start-up quick. The cache only
// ever holds the words of word patterns, a bounded set (segmented pieces are mostly unique, so they bypass it).
const normalisedCache = new Map<string, Clauses>();

function normalisedWords(raw: string, pattern: string, cache = normalisedCache): string[] {
  let clauses = cache.get(raw);
  if (!clauses) {
    // Punctuation that ends a clause makes the words unmatchable: remember that as "no clause".
    clauses = breaksClause(raw) ? [] : toClauses(raw);
    cache.set(raw, clauses);
  }
  if (clauses.length !== 1) {
    throw new PatternError(`"${pattern}" is empty or holds punctuation that would end a clause`);
  }
  return clauses[0];
}

function splitGaps(variant: string, pattern: string): string[] {
  const pieces = variant.split('...').map((piece) => piece.trim());
  if (pieces.some((piece) => piece.length === 0))
    throw new PatternError(`"${pattern}" starts or ends with "..."`);
  return pieces;
}

/** How a word is turned into the form it is compared in: `skeleton`, or a file's fold. */
export type WordForm = (word: string) => string;

function toPatternWords(text: string, pattern: string, form: WordForm): PatternWord[] {
  const out: PatternWord[] = [];
  for (const raw of text.split(/\s+/).filter((w) => w.length > 0)) {
    const stem = raw.endsWith('*');
    const words = normalisedWords(stem ? raw.slice(0, -1) : raw, pattern);
    words.forEach((word, i) => out.push({ word: form(word), stem: stem && i === words.length - 1 }));
  }
  return out;
}

type Node = { text: string } | { alternatives: Node[][] } | { gap: true };

/** Parses `words (a|b (c|d)) ... more` into nodes; top-level `|` is not allowed (write two patterns). */
function parse(pattern: string): Node[] {
  const tokens = pattern.split(/(\.\.\.|[()|])/).filter((t) => t.length > 0);
  let at = 0;
  const sequence = (depth: number): Node[][] => {
    const alternatives: Node[][] = [[]];
    while (at < tokens.length) {
      const token = tokens[at++];
      const current = alternatives[alternatives.length - 1];
      if (token === '(') current.push({ alternatives: sequence(depth + 1) });
      else if (token === ')') {
        if (depth === 0) break;
        return alternatives;
      } else if (token === '|') {
        if (depth === 0) break;
        alternatives.push([]);
      } else if (token === '...') current.push({ gap: true });
      else current.push({ text: token });
    }
    if (depth > 0 || at < tokens.length) throw new PatternError(`unbalanced "(", "|" or ")" in "${pattern}"`);
    return alternatives;
  };
  return sequence(0)[0];
}

/** Every word sequence a group can stand for (nested groups multiply out). */
function expandNodes(nodes: Node[], pattern: string, form: WordForm): PatternWord[][] {
  let out: PatternWord[][] = [[]];
  for (const node of nodes) {
    if ('gap' in node) throw new PatternError(`"..." inside a group in "${pattern}"`);
    const options =
      'text' in node
        ? [toPatternWords(node.text, pattern, form)]
        : node.alternatives.flatMap((alternative) => expandNodes(alternative, pattern, form));
    out = out.flatMap((head) => options.map((option) => [...head, ...option]));
    if (out.length > MAX_VARIANTS)
      throw new PatternError(`a group in "${pattern}" has over ${MAX_VARIANTS} choices`);
  }
  return out;
}

// A group glued to letters ("bull(y|ies)") is expanded into separate patterns first.
const GLUED_GROUP = /[^\s(|]\([^()]*\)|\([^()]*\)[^\s()|.]/;

/**
 * Compiles a pattern for a language written with spaces into elements: words, `(a|b c|)` choices and `...` gaps.
 * Choices stay inside the pattern, so "(not|never) (allowed|let) ... (call|see) (my|our) (mum|dad|family)" is one
 * pattern, not hundreds. Words are stored in `form` (doubled letters collapsed, or a file's fold).
 */
export function compileWordPattern(pattern: string, form: WordForm = skeleton): WordElement[][] {
  const variants = GLUED_GROUP.test(pattern) ? expandAlternatives(pattern) : [pattern];
  return variants.map((variant) => {
    const elements: WordElement[] = [];
    for (const node of parse(variant)) {
      if ('gap' in node) elements.push({ gap: WORD_GAP });
      else if ('text' in node)
        for (const word of toPatternWords(node.text, pattern, form)) elements.push({ choices: [[word]] });
      else elements.push({ choices: expandNodes([node], pattern, form) });
    }
    const first = elements[0];
    const last = elements[elements.length - 1];
    if (!first || 'gap' in first || 'gap' in last)
      throw new PatternError(`"${pattern}" starts or ends with "..."`);
    if (elements.every((e) => 'choices' in e && e.choices.some((c) => c.length === 0))) {
      throw new PatternError(`"${pattern}" can match nothing at all`);
    }
    return elements;
  });
}

/** Compiles a pattern for a script written without spaces: per variant, the literal pieces `...` separates. */
export function compileSegmentedPattern(pattern: string): string[][] {
  const pieces = new Map<string, Clauses>();
  return expandAlternatives(pattern).map((variant) =>
    splitGaps(variant, pattern).map((piece) => normalisedWords(piece.replace(/\*/g, ''), pattern, pieces).join('')),
  );
}
