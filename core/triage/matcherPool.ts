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

  /** The shared matcher for files of this script and spacing, created on first use. */
  get(script: string, segmented: boolean): SharedMatcher {
    const key = `${script}:${segmented}`;
    let entry = this.shared.get(key);
    if (!entry) {
      entry = { matcher: segmented ? new SegmentedMatcher() : new WordMatcher(), nextPhrase: 0 };
      this.shared.set(key, entry);
    }
    return entry;
  }
}
