import { compileSegmentedPattern, SEGMENTED_GAP } from './patternCompiler';
import { Occurrence, PhraseMatcher, PreparedText } from './phraseMatcher';

// Fields are created on first use: a file's trie holds tens of thousands of nodes, most with one child or none.
interface CharNode {
  next?: Map<string, CharNode>;
  /** Patterns whose first piece ends here, with the pieces that must follow within the gap. */
  done?: { phrase: number; rest: string[] }[];
}

const NONE: never[] = [];

/**
 * Matches patterns anywhere in a clause, for scripts written without spaces. The first piece of every pattern is
 * in one character trie, so each position of the text costs a walk as deep as the longest pattern that fits there,
 * however many patterns the file holds.
 */
export class SegmentedMatcher implements PhraseMatcher {
  readonly unit = 'character';
  private readonly root: CharNode = {};

  /** Registers a pattern (README syntax) under a phrase number; throws PatternError when it is malformed. */
  add(pattern: string, phrase: number): void {
    for (const [first, ...rest] of compileSegmentedPattern(pattern)) {
      let node = this.root;
      for (const char of first) {
        const children = (node.next ??= new Map());
        let next = children.get(char);
        if (!next) children.set(char, (next = {}));
        node = next;
      }
      (node.done ??= []).push({ phrase, rest: rest.length > 0 ? rest : NONE });
    }
  }

  find(text: PreparedText): Occurrence[] {
    const found: Occurrence[] = [];
    text.joined.forEach((line, clause) => {
      for (let start = 0; start < line.length; start++) {
        let node: CharNode | undefined = this.root;
        for (let pos = start; node && pos < line.length;) {
          node = node.next?.get(line[pos++]);
          for (const { phrase, rest } of node?.done ?? NONE) {
            const gaps: number[] = [];
            const end = followPieces(line, pos, rest, gaps);
            if (end >= 0)
              found.push(
                gaps.length > 0 ? { phrase, clause, start, end, gaps } : { phrase, clause, start, end },
              );
          }
        }
      }
    });
    return found;
  }
}

/** Where the pieces after the first end, each within the gap of the one before; skipped spans go to `gaps`. */
function followPieces(line: string, from: number, pieces: string[], gaps: number[]): number {
  let end = from;
  for (const piece of pieces) {
    const at = line.indexOf(piece, end);
    if (at < 0 || at - end > SEGMENTED_GAP) return -1;
    if (at > end) gaps.push(end, at);
    end = at + piece.length;
  }
  return end;
}
