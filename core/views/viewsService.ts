import { SecretKeys } from '../privacy/secretKeys';
import { pickQuestions } from './questionRotation';
import { ViewAgeBand, ViewAnswer, ViewsStore, monthOf } from './types';

/** Where a child's answers are counted when they did not say which home they are in. */
export const UNSPECIFIED_FACILITY = 'unspecified';

/** Records survey answers as counts and picks the next child's questions. */
export class ViewsService {
  constructor(
    private readonly store: ViewsStore,
    private readonly keys: SecretKeys,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The questions to ask a child now: the least answered at their facility this month. */
  async questionsFor(facilityId: string | undefined, questionIds: string[], howMany: number): Promise<string[]> {
    const facility = facilityId ?? UNSPECIFIED_FACILITY;
    const answered: Record<string, number> = {};
    for (const cell of await this.store.counts(monthOf(this.now()), facility)) {
      const c = cell.counts;
      answered[cell.questionId] = (answered[cell.questionId] ?? 0) + c['1'] + c['2'] + c['3'] + c['4'] + c['5'];
    }
    return pickQuestions(questionIds, answered, howMany);
  }

  /** Counts one answer; a child who answers the same question twice in a month is counted once. */
  async record(input: { facilityId?: string; questionId: string; ageBand?: ViewAgeBand; answer: ViewAnswer; pseudonym: string }): Promise<boolean> {
    const month = monthOf(this.now());
    return this.store.record(
      { facilityId: input.facilityId ?? UNSPECIFIED_FACILITY, questionId: input.questionId, month, ageBand: input.ageBand ?? 'unknown' },
      input.answer,
      this.keys.hash('views', `${input.pseudonym}:${input.questionId}`),
    );
  }
}
