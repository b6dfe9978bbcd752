import { compileSegmentedPattern, SEGMENTED_GAP } from './patternCompiler';
import { Occurrence, PhraseMatcher, PreparedText } from './phraseMatcher';

interface Entry {
  phrase: number;
  pieces: string[];
}

const KEY_LENGTH = 2;

/**
 * Matches patterns anywhere in a clause, for scripts written without spaces. Patterns are bucketed by their first
 * two characters (or one, for one-character patterns), so each position of the text costs two map look-ups.
 */
export class SegmentedMatcher implements PhraseMatcher {
  readonly unit = 'character';
  private readonly byPrefix = new Map<string, Entry[]>();
  private readonly byChar = new Map<string, Entry[]>();

  /** Registers a pattern (README syntax) under a phrase number; throws PatternError when it is malformed. */
  add(pattern: string, phrase: number): void {
    for (const pieces of compileSegmentedPattern(pattern)) {
      const index = pieces[0].length < KEY_LENGTH ? this.byChar : this.byPrefix;
      const key = pieces[0].slice(0, KEY_LENGTH);
      const entries = index.get(key) ?? [];
      entries.push({ phrase, pieces });
      index.set(key, entries);
    }
  }

  find(text: PreparedText): Occurrence[] {
    const found: Occurrence[] = [];
    text.joined.forEach((line, clause) => {
      for (let start = 0; start < line.length; start++) {
        this.tryEntries(this.byPrefix.get(line.slice(start, start + KEY_LENGTH)), line, start, clause, found);
        this.tryEntries(this.byChar.get(line[start]), line, start, clause, found);
      }
    });
    return found;
  }

  private tryEntries(entries: Entry[] | undefined, line: string, start: number, clause: number, found: Occurrence[]) {
    if (!entries) return;
    for (const { phrase, pieces } of entries) {
      if (!line.startsWith(pieces[0], start)) continue;
      let end = start + pieces[0].length;
      for (let i = 1; i < pieces.length && end >= 0; i++) {
        const at = line.indexOf(pieces[i], end);
        end = at >= 0 && at - end <= SEGMENTED_GAP ? at + pieces[i].length : -1;
      }
      if (end >= 0) found.push({ phrase, clause, start, end });
    }
  }
}
