import { PhraseMatcher } from './phraseMatcher';
import { SegmentedMatcher } from './segmentedMatcher';
import { WordMatcher } from './wordMatcher';

/** A matcher shared by the rule files of one script, with the next free phrase number in it. */
export interface SharedMatcher {
  matcher: PhraseMatcher;
  nextPhrase: number;
}

/**
 * One matcher per script (and spacing), shared by every rule file of that script: the six Latin-script files are
 * then walked once per message, not six times. Each file keeps its own range of phrase numbers.
 */
export class MatcherPool {
  private readonly shared = new Map<string, SharedMatcher>();

  /**
   * The shared matcher for files of this script, spacing and fold, created on first use. Folding files get their
   * own matcher: their words are compared differently, and their fold must not loosen other files' patterns.
   */
  get(script: string, segmented: boolean, fold?: 'romanised'): SharedMatcher {
    const folding = fold === 'romanised' && !segmented;
    const key = `${script}:${segmented}:${folding}`;
    let entry = this.shared.get(key);
    if (!entry) {
      entry = { matcher: segmented ? new SegmentedMatcher() : new WordMatcher(folding), nextPhrase: 0 };
      this.shared.set(key, entry);
    }
    return entry;
  }
}
