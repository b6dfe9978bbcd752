import { skeleton, toClauses } from './normalise';

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
 * the group optional. Groups do not nest.
 */
export function expandAlternatives(pattern: string): string[] {
  const open = pattern.indexOf('(');
  if (open < 0) {
    if (pattern.includes(')') || pattern.includes('|')) throw new PatternError(`unbalanced "|" or ")" in "${pattern}"`);
    return [pattern];
  }
  const close = pattern.indexOf(')', open);
  const inner = close < 0 ? '' : pattern.slice(open + 1, close);
  if (close < 0 || inner.includes('(')) throw new PatternError(`unbalanced or nested "(" in "${pattern}"`);
  const rests = expandAlternatives(pattern.slice(close + 1));
  const out: string[] = [];
  for (const choice of inner.split('|')) {
    for (const rest of rests) out.push(`${pattern.slice(0, open)}${choice}${rest}`.replace(/\s+/g, ' ').trim());
  }
  if (out.length > MAX_VARIANTS) throw new PatternError(`"${pattern}" expands to more than ${MAX_VARIANTS} variants`);
  return out.filter((variant) => variant.length > 0);
}

function normalisedWords(raw: string, pattern: string): string[] {
  const clauses = toClauses(raw);
  if (clauses.length !== 1) {
    throw new PatternError(`"${pattern}" is empty or holds punctuation that would end a clause`);
  }
  return clauses[0];
}

function splitGaps(variant: string, pattern: string): string[] {
  const pieces = variant.split('...').map((piece) => piece.trim());
  if (pieces.some((piece) => piece.length === 0)) throw new PatternError(`"${pattern}" starts or ends with "..."`);
  return pieces;
}

function toPatternWords(text: string, pattern: string): PatternWord[] {
  const out: PatternWord[] = [];
  for (const raw of text.split(/\s+/).filter((w) => w.length > 0)) {
    const stem = raw.endsWith('*');
    const words = normalisedWords(stem ? raw.slice(0, -1) : raw, pattern);
    words.forEach((word, i) => out.push({ word: skeleton(word), stem: stem && i === words.length - 1 }));
  }
  return out;
}

// A group standing alone between spaces stays a choice inside one pattern; a group glued to letters ("bull(y|ies)")
// is expanded into separate patterns first.
const GLUED_GROUP = /[^\s(]\([^()]*\)|\([^()]*\)[^\s().]/;
const LOOSE_GROUP = /\(([^()]*)\)/g;

/**
 * Compiles a pattern for a language written with spaces into elements: words, `(a|b c|)` choices and `...` gaps.
 * Choices stay inside the pattern, so "(not|never) (allowed|let) ... (call|see) (my|our) (mum|dad|family)" is one
 * pattern, not hundreds.
 */
export function compileWordPattern(pattern: string): WordElement[][] {
  const variants = GLUED_GROUP.test(pattern) ? expandAlternatives(pattern) : [pattern];
  return variants.map((variant) => {
    const elements: WordElement[] = [];
    splitGaps(variant, pattern).forEach((piece, index) => {
      if (index > 0) elements.push({ gap: WORD_GAP });
      let last = 0;
      const plain = (text: string) => {
        for (const word of toPatternWords(text, pattern)) elements.push({ choices: [[word]] });
      };
      for (const group of piece.matchAll(LOOSE_GROUP)) {
        plain(piece.slice(last, group.index));
        elements.push({ choices: (group[1] ?? '').split('|').map((choice) => toPatternWords(choice, pattern)) });
        last = (group.index ?? 0) + group[0].length;
      }
      plain(piece.slice(last));
    });
    if (/[()|]/.test(variant.replace(LOOSE_GROUP, ''))) throw new PatternError(`unbalanced "(", "|" or ")" in "${pattern}"`);
    if (elements.every((e) => 'choices' in e && e.choices.some((c) => c.length === 0))) {
      throw new PatternError(`"${pattern}" can match nothing at all`);
    }
    return elements;
  });
}

/** Compiles a pattern for a script written without spaces: per variant, the literal pieces `...` separates. */
export function compileSegmentedPattern(pattern: string): string[][] {
  return expandAlternatives(pattern).map((variant) =>
    splitGaps(variant, pattern).map((piece) => normalisedWords(piece.replace(/\*/g, ''), pattern).join('')),
  );
}
