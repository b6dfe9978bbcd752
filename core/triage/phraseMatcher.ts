import { Clauses, skeleton } from './normalise';
import { foldKey, foldWord } from './romanisedFold';

/** Where one phrase was found: clause index and [start, end) in the matcher's unit (words, or characters). */
export interface Occurrence {
  phrase: number;
  clause: number;
  start: number;
  end: number;
  /** The spans a `...` gap skipped, as flat [from, to) pairs: a negator there cancels the match. */
  gaps?: number[];
}

/** A message prepared once and shared by every rule set that screens it; the views are built on first use. */
export class PreparedText {
  private skeletonView?: string[][];
  private foldedView?: string[][];
  private foldKeyView?: string[][];
  private joinedView?: string[];

  constructor(readonly clauses: Clauses) {}

  /** Words with doubled letters collapsed, for word matching. */
  get skeletons(): string[][] {
    this.skeletonView ??= this.clauses.map((words) => words.map(skeleton));
    return this.skeletonView;
  }

  /** Words through the romanised fold, for files that ask for it (see romanisedFold.ts). */
  get folded(): string[][] {
    this.foldedView ??= this.clauses.map((words) => words.map(foldWord));
    return this.foldedView;
  }

  /** The consonant key of each folded word, which indexes the words it may meet. */
  get foldKeys(): string[][] {
    this.foldKeyView ??= this.folded.map((words) => words.map(foldKey));
    return this.foldKeyView;
  }

  /** Each clause with its spaces removed, for scripts written without spaces (spacing there is inconsistent). */
  get joined(): string[] {
    this.joinedView ??= this.clauses.map((words) => words.join(''));
    return this.joinedView;
  }
}

/** Finds every registered phrase in a prepared text. Distances between occurrences are counted in `unit`s. */
export interface PhraseMatcher {
  readonly unit: 'word' | 'character';
  /** Registers a pattern (README syntax) under a phrase number; throws PatternError when it is malformed. */
  add(pattern: string, phrase: number): void;
  find(text: PreparedText): Occurrence[];
}
