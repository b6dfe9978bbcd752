import { ViewCount, emptyCounts } from './types';

/** A question's figures at one facility in one month, with its answers summed over age bands. */
export interface ViewSummary {
  facilityId: string;
  questionId: string;
  month: string;
  /** Children who answered on the scale ("I don't want to say" is not an answer). */
  answered: number;
  counts: ViewCount['counts'];
  /** Mean on the 1–5 scale. */
  mean: number;
}

/**
 * Sums counts per facility × question × month and keeps only those at least `minGroup` children answered: below
 * that, a figure could point at one child, so it is neither shown nor exported.
 */
export function publishableViews(cells: ViewCount[], minGroup: number): ViewSummary[] {
  const byKey = new Map<string, ViewSummary>();
  for (const cell of cells) {
    const key = `${cell.facilityId}\u0000${cell.questionId}\u0000${cell.month}`;
    let s = byKey.get(key);
    if (!s) {
      s = { facilityId: cell.facilityId, questionId: cell.questionId, month: cell.month, answered: 0, counts: emptyCounts(), mean: 0 };
      byKey.set(key, s);
    }
    for (const k of Object.keys(s.counts) as (keyof ViewCount['counts'])[]) s.counts[k] += cell.counts[k];
  }
  const out: ViewSummary[] = [];
  for (const s of byKey.values()) {
    s.answered = s.counts['1'] + s.counts['2'] + s.counts['3'] + s.counts['4'] + s.counts['5'];
    if (s.answered < minGroup) continue;
    const total = [1, 2, 3, 4, 5].reduce((sum, v) => sum + v * s.counts[String(v) as '1'], 0);
    s.mean = Math.round((total / s.answered) * 100) / 100;
    out.push(s);
  }
  return out.sort((a, b) => a.facilityId.localeCompare(b.facilityId) || a.questionId.localeCompare(b.questionId) || a.month.localeCompare(b.month));
}
