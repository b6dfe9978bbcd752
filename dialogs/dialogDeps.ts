import { TurnContext } from 'botbuilder';
import { TFunction } from 'i18next';
import { Content, Namespace } from '../content/loadContent';
import { Helplines } from '../content/helplines';
import { FileReportInput, ReportService } from '../core/cases/reportService';
import { FacilityStore } from '../core/facilities/types';
import { ViewsService } from '../core/views/viewsService';
import { FiledConcern, readingLevel, turnFacts } from './childProfile';

/** What every dialog receives from the composition root. */
export interface DialogDeps {
  content: Content;
  helplines: Helplines;
  reports: ReportService;
  views: ViewsService;
  facilities: FacilityStore;
  /** Files a report durably (store or spool) and says how the child must be told; never throws. */
  fileConcern(context: TurnContext, input: FileReportInput): Promise<FiledConcern>;
  /** The country whose helpline this child gets: their facility's, else their language's. */
  countryOf(context: TurnContext): string | undefined;
}

/** The words of this turn: the child's language and reading level, fixed for the turn. */
export function wordsFor(deps: DialogDeps, context: TurnContext, ns?: Namespace): { t: TFunction; lng: string; level: 'young' | 'teen' } {
  const { profile } = turnFacts(context);
  const lng = profile.language ?? 'en';
  return { t: deps.content.t(lng, ns), lng, level: readingLevel(profile) };
}
