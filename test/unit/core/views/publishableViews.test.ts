import { pickQuestions } from '../../../../core/views/questionRotation';
import { publishableViews } from '../../../../core/views/publishableViews';
import { ViewCount, emptyCounts } from '../../../../core/views/types';

function cell(answers: number[], over: Partial<ViewCount> = {}): ViewCount {
  const counts = emptyCounts();
  for (const a of answers) counts[String(a) as '1']++;
  return { facilityId: 'f1', questionId: 'safe', month: '2026-11', ageBand: 'teen', counts, ...over };
}

describe('publishableViews', () => {
  it('hides a question that 4 children answered and shows it at 5', () => {
    expect(publishableViews([cell([5, 4, 4, 2])], 5)).toEqual([]);
    const [shown] = publishableViews([cell([5, 4, 4, 2, 1])], 5);
    expect(shown.answered).toBe(5);
    expect(shown.mean).toBe(3.2);
  });

  it('sums age bands before applying the minimum group, and does not count "I don\'t want to say"', () => {
    const young = cell([3, 3], { ageBand: 'young' });
    const teen = cell([4, 4], { ageBand: 'teen' });
    teen.counts.skip = 5;
    expect(publishableViews([young, teen], 5)).toEqual([]);
    expect(publishableViews([young, teen, cell([5], { ageBand: 'adult' })], 5)[0].answered).toBe(5);
  });

  it('keeps facilities and months apart', () => {
    const rows = publishableViews([cell([1, 2, 3, 4, 5]), cell([1, 2, 3, 4], { facilityId: 'f2' }), cell([1], { month: '2026-10' })], 5);
    expect(rows.map((r) => r.facilityId)).toEqual(['f1']);
  });
});

describe('pickQuestions', () => {
  it('asks the least-answered questions first', () => {
    expect(pickQuestions(['a', 'b', 'c', 'd'], { a: 9, b: 0, c: 3, d: 1 }, 2)).toEqual(['b', 'd']);
  });

  it('spreads answers evenly across many children', () => {
    const ids = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10'];
    const answered: Record<string, number> = {};
    for (let child = 0; child < 40; child++) for (const q of pickQuestions(ids, answered, 4)) answered[q] = (answered[q] ?? 0) + 1;
    expect(Math.max(...Object.values(answered)) - Math.min(...Object.values(answered))).toBeLessThanOrEqual(1);
  });
});
