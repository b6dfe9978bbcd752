import { compileWordPattern, PatternWord, WordElement } from './patternCompiler';
import { Occurrence, PhraseMatcher, PreparedText } from './phraseMatcher';
import { foldedSame, foldedStartsWith, foldKey, foldWord } from './romanisedFold';

/** A pattern indexed by its first word: `rest` is what must follow that word. */
interface Entry {
  phrase: number;
  rest: WordElement[];
}

type Same = (pattern: PatternWord, word: string | undefined) => boolean;

const wordMatches: Same = (pattern, word) =>
  word !== undefined && (pattern.stem ? word.startsWith(pattern.word) : word === pattern.word);

const foldedMatches: Same = (pattern, word) =>
  word !== undefined && (pattern.stem ? foldedStartsWith(word, pattern.word) : foldedSame(pattern.word, word));

function sequenceEnd(words: string[], pos: number, sequence: PatternWord[], same: Same): number {
  for (let i = 0; i < sequence.length; i++) if (!same(sequence[i], words[pos + i])) return -1;
  return pos + sequence.length;
}

/**
 * Where `elements` matched from `pos` ends (exclusive), or -1; gaps and choices are tried shortest first. The spans
 * gaps skipped are pushed onto `gaps` (and taken off again when a branch fails).
 */
function matchFrom(
  words: string[],
  pos: number,
  elements: WordElement[],
  index: number,
  gaps: number[],
  same: Same,
): number {
  if (index === elements.length) return pos;
  const element = elements[index];
  if ('gap' in element) {
    for (let skip = 0; skip <= element.gap && pos + skip < words.length; skip++) {
      if (skip > 0) gaps.push(pos, pos + skip);
      const end = matchFrom(words, pos + skip, elements, index + 1, gaps, same);
      if (end >= 0) return end;
      if (skip > 0) gaps.length -= 2;
    }
    return -1;
  }
  for (const choice of element.choices) {
    const next = sequenceEnd(words, pos, choice, same);
    if (next < 0) continue;
    const mark = gaps.length;
    const end = matchFrom(words, next, elements, index + 1, gaps, same);
    if (end >= 0) return end;
    if (gaps.length !== mark) gaps.length = mark;
  }
  return -1;
}

/** Every (first word, rest) way a pattern can start; an optional leading element also lets the next one lead. */
function starts(elements: WordElement[]): { first: PatternWord; rest: WordElement[] }[] {
  const [head, ...tail] = elements;
  if (head === undefined || 'gap' in head) return [];
  return head.choices.flatMap((choice) => {
    if (choice.length === 0) return starts(tail);
    const [first, ...more] = choice;
    return [{ first, rest: more.length > 0 ? [{ choices: [more] }, ...tail] : tail }];
  });
}

// Fields are created on first use: tries hold tens of thousands of nodes and most are leaves.
interface TrieNode {
  exact?: Map<string, TrieNode>;
  stems?: Map<string, TrieNode>;
  stemLengths?: number[];
  /** The first two characters of every stem here, as numbers: most words start no stem and skip the look-ups. */
  stemHeads?: Set<number>;
  /** A one-letter stem here: every word must try the stems. */
  shortStem?: boolean;
  /** Folding files only: the exact words and the stems here by consonant key (see romanisedFold.ts). */
  keyed?: Map<string, string[]>;
  stemKeyed?: Map<string, string[]>;
  /** Patterns that reach this node; `rest` (often empty) must still match after it. */
  done?: Entry[];
}

/** A word's first two UTF-16 units as one number. */
function head(word: string): number {
  return word.charCodeAt(0) * 65536 + word.charCodeAt(1);
}

/** How many trie paths one pattern may spread into before the rest of it is matched by walking its elements. */
const MAX_PATHS = 64;
const NONE: never[] = [];

/**
 * Matches patterns at word boundaries. Patterns share a trie of words (stems are edges matched by prefix), so a
 * file of thousands of near-identical phrases costs a few map look-ups per word. Where a pattern's choices would
 * multiply into too many paths, or at a gap, the trie stops and the remaining elements are matched directly.
 * A folding matcher compares words through the romanised fold instead of by skeleton.
 */
export class WordMatcher implements PhraseMatcher {
  readonly unit = 'word';
  private readonly root: TrieNode = {};
  private readonly same: Same;

  constructor(private readonly folding = false) {
    this.same = folding ? foldedMatches : wordMatches;
  }

  /** Registers a pattern (README syntax) under a phrase number; throws PatternError when it is malformed. */
  add(pattern: string, phrase: number): void {
    const form = this.folding ? foldWord : undefined;
    for (const { first, rest } of compileWordPattern(pattern, form).flatMap(starts)) {
      let frontier = [this.child(this.root, first)];
      let index = 0;
      for (; index < rest.length; index++) {
        const element = rest[index];
        if ('gap' in element || element.choices.some((c) => c.length === 0)) break;
        if (frontier.length * element.choices.length > MAX_PATHS) break;
        frontier = frontier.flatMap((node) =>
          element.choices.map((choice) => choice.reduce((at, word) => this.child(at, word), node)),
        );
      }
      // One entry object for every node the pattern reaches: a pattern can spread over dozens of them.
      const entry: Entry = { phrase, rest: index < rest.length ? rest.slice(index) : NONE };
      for (const node of frontier) (node.done ??= []).push(entry);
    }
  }

  find(text: PreparedText): Occurrence[] {
    const found: Occurrence[] = [];
    // Parallel stacks and one scratch array: this loop runs for every word of every message.
    const nodes: TrieNode[] = [];
    const positions: number[] = [];
    const gaps: number[] = [];
    const keys = this.folding ? text.foldKeys : [];
    (this.folding ? text.folded : text.skeletons).forEach((words, clause) => {
      for (let start = 0; start < words.length; start++) {
        nodes.push(this.root);
        positions.push(start);
        while (nodes.length > 0) {
          const node = nodes.pop() as TrieNode;
          const pos = positions.pop() as number;
          for (const { phrase, rest } of node.done ?? NONE) {
            if (rest.length === 0) {
              found.push({ phrase, clause, start, end: pos });
              continue;
            }
            gaps.length = 0;
            const end = matchFrom(words, pos, rest, 0, gaps, this.same);
            if (end >= 0)
              found.push(
                gaps.length > 0
                  ? { phrase, clause, start, end, gaps: [...gaps] }
                  : { phrase, clause, start, end },
              );
          }
          const word = words[pos];
          if (word === undefined) continue;
          if (this.folding) {
            this.stepFolded(node, word, keys[clause][pos], (next) => {
              nodes.push(next);
              positions.push(pos + 1);
            });
            continue;
          }
          const next = node.exact?.get(word);
          if (next) {
            nodes.push(next);
            positions.push(pos + 1);
          }
          if (!node.stems || (!node.shortStem && !node.stemHeads?.has(head(word)))) continue;
          for (const length of node.stemLengths ?? NONE) {
            if (length > word.length) break;
            const stemmed = node.stems.get(word.slice(0, length));
            if (stemmed) {
              nodes.push(stemmed);
              positions.push(pos + 1);
            }
          }
        }
      }
    });
    return found;
  }

  /** The trie steps a folded message word allows from `node`: candidates share its consonant key, then compare. */
  private stepFolded(node: TrieNode, word: string, key: string, push: (next: TrieNode) => void): void {
    if (node.exact) {
      if (key.length < 2) {
        const next = node.exact.get(word);
        if (next) push(next);
      } else
        for (const candidate of node.keyed?.get(key) ?? NONE)
          if (foldedSame(candidate, word)) push(node.exact.get(candidate) as TrieNode);
    }
    if (!node.stems || (!node.shortStem && !node.stemHeads?.has(head(key)))) return;
    for (const length of node.stemLengths ?? NONE) {
      if (length > key.length) break;
      for (const stem of node.stemKeyed?.get(key.slice(0, length)) ?? NONE)
        if (foldedStartsWith(word, stem)) push(node.stems.get(stem) as TrieNode);
    }
  }

  private child(node: TrieNode, word: PatternWord): TrieNode {
    const map = word.stem ? (node.stems ??= new Map()) : (node.exact ??= new Map());
    let next = map.get(word.word);
    if (!next) {
      next = {};
      map.set(word.word, next);
      // A folding matcher indexes stems, and words it may meet with vowels dropped, by consonant key.
      const key = this.folding ? foldKey(word.word) : word.word;
      if (this.folding && (word.stem || key.length >= 2)) {
        const index = word.stem ? (node.stemKeyed ??= new Map()) : (node.keyed ??= new Map());
        index.set(key, [...(index.get(key) ?? []), word.word]);
      }
      if (word.stem) {
        if (key.length < 2) node.shortStem = true;
        else (node.stemHeads ??= new Set()).add(head(key));
        const lengths = (node.stemLengths ??= []);
        if (!lengths.includes(key.length)) lengths.push(key.length);
        lengths.sort((a, b) => a - b);
      }
    }
    return next;
  }
}
