import { ViewAnswer, ViewCell, ViewCount, ViewsStore, emptyCounts } from '../../views/types';

export class MemoryViewsStore implements ViewsStore {
  private readonly cells = new Map<string, ViewCount>();
  private readonly seen = new Set<string>();

  async record(cell: ViewCell, answer: ViewAnswer, once: string): Promise<boolean> {
    const seenKey = `${cell.month}:${once}`;
    if (this.seen.has(seenKey)) return false;
    this.seen.add(seenKey);
    const key = [cell.facilityId, cell.questionId, cell.month, cell.ageBand].join('\u0000');
    const count = this.cells.get(key) ?? { ...cell, counts: emptyCounts() };
    count.counts[String(answer) as keyof ViewCount['counts']]++;
    this.cells.set(key, count);
    return true;
  }

  async counts(month: string, facilityId?: string): Promise<ViewCount[]> {
    return [...this.cells.values()]
      .filter((c) => c.month === month && (!facilityId || c.facilityId === facilityId))
      .map((c) => ({ ...c, counts: { ...c.counts } }));
  }
}
