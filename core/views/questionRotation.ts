/**
 * Picks the questions for one child's survey: those with the fewest answers at their facility this month first
 * (ties broken at random), so across children every question gets answers while each child answers only a few.
 */
export function pickQuestions(questionIds: string[], answeredSoFar: Record<string, number>, howMany: number, random: () => number = Math.random): string[] {
  return questionIds
    .map((id) => ({ id, n: answeredSoFar[id] ?? 0, tie: random() }))
    .sort((a, b) => a.n - b.n || a.tie - b.tie)
    .slice(0, howMany)
    .map((q) => q.id);
}
