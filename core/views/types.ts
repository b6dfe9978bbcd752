import { z } from 'zod';

/** Five-step scale (1 = 😞 very bad … 5 = 😀 very good) or "I don't want to say". */
export const viewAnswerSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal('skip')]);
export type ViewAnswer = z.infer<typeof viewAnswerSchema>;

export const VIEW_AGE_BANDS = ['young', 'teen', 'adult', 'unknown'] as const;
export type ViewAgeBand = (typeof VIEW_AGE_BANDS)[number];

/** Where an answer is counted: never who gave it. `month` is YYYY-MM. */
export interface ViewCell {
  facilityId: string;
  questionId: string;
  month: string;
  ageBand: ViewAgeBand;
}

/** One counted cell of the aggregate: how many children gave each answer. */
export interface ViewCount extends ViewCell {
  counts: Record<'1' | '2' | '3' | '4' | '5' | 'skip', number>;
}

/**
 * The views port. Only counts are kept: an answer increments a counter and is gone. `once` names the child and
 * question (a keyed hash) so one child counts once per question and month; it is kept apart from the counts and
 * expires after the month.
 */
export interface ViewsStore {
  /** Counts an answer unless this child already answered this question this month; returns whether it counted. */
  record(cell: ViewCell, answer: ViewAnswer, once: string): Promise<boolean>;
  /** Every counted cell of a month (all facilities when `facilityId` is absent). */
  counts(month: string, facilityId?: string): Promise<ViewCount[]>;
}

export function emptyCounts(): ViewCount['counts'] {
  return { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, skip: 0 };
}

/** YYYY-MM of a date, in UTC. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}
