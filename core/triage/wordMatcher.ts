import { compileWordPattern, PatternWord, WordElement } from './patternCompiler';
import { Occurrence, PhraseMatcher, PreparedText } from './phraseMatcher';

/** A pattern indexed by its first word: `rest` is what must follow that word. */
interface Entry {
  phrase: number;
  rest: WordElement[];
}

function wordMatches(pattern: PatternWord, word: string | undefined): boolean {
  return word !== undefined && (pattern.stem ? word.startsWith(pattern.word) : word === pattern.word);
}

function sequenceEnd(words: string[], pos: number, sequence: PatternWord[]): number {
  for (let i = 0; i < sequence.length; i++) if (!wordMatches(sequence[i], words[pos + i])) return -1;
  return pos + sequence.length;
}

/** Where `elements` matched from `pos` ends (exclusive), or -1; gaps and choices are tried shortest first. */
function matchFrom(words: string[], pos: number, elements: WordElement[], index: number): number {
  if (index === elements.length) return pos;
  const element = elements[index];
  if ('gap' in element) {
    for (let skip = 0; skip <= element.gap && pos + skip < words.length; skip++) {
      const end = matchFrom(words, pos + skip, elements, index + 1);
      if (end >= 0) return end;
    }
    return -1;
  }
  for (const choice of element.choices) {
    const next = sequenceEnd(words, pos, choice);
    const end = next < 0 ? -1 : matchFrom(words, next, elements, index + 1);
    if (end >= 0) return end;
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

/**
 * Matches patterns at word boundaries. Patterns are indexed by their first word (exact words in one map, stems in
 * another keyed by the stem), so a message costs a few map look-ups per word whatever the number of patterns.
 */
export class WordMatcher implements PhraseMatcher {
  readonly unit = 'word';
  private readonly exact = new Map<string, Entry[]>();
  private readonly stems = new Map<string, Entry[]>();
  private stemLengths: number[] = [];

  /** Registers a pattern (README syntax) under a phrase number; throws PatternError when it is malformed. */
  add(pattern: string, phrase: number): void {
    for (const { first, rest } of compileWordPattern(pattern).flatMap(starts)) {
      const index = first.stem ? this.stems : this.exact;
      const entries = index.get(first.word) ?? [];
      entries.push({ phrase, rest });
      index.set(first.word, entries);
      if (first.stem && !this.stemLengths.includes(first.word.length)) {
        this.stemLengths = [...this.stemLengths, first.word.length].sort((a, b) => a - b);
      }
    }
  }

  find(text: PreparedText): Occurrence[] {
    const found: Occurrence[] = [];
    text.skeletons.forEach((words, clause) => {
      for (let start = 0; start < words.length; start++) {
        const word = words[start];
        this.tryEntries(this.exact.get(word), words, start, clause, found);
        for (const length of this.stemLengths) {
          if (length > word.length) break;
          this.tryEntries(this.stems.get(word.slice(0, length)), words, start, clause, found);
        }
      }
    });
    return found;
  }

  private tryEntries(entries: Entry[] | undefined, words: string[], start: number, clause: number, found: Occurrence[]) {
    if (!entries) return;
    for (const { phrase, rest } of entries) {
      const end = matchFrom(words, start + 1, rest, 0);
      if (end >= 0) found.push({ phrase, clause, start, end });
    }
  }
}
