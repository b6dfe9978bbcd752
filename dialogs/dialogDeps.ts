import { TurnContext } from 'botbuilder';
import { TFunction } from 'i18next';
import { Content, Namespace } from '../content/loadContent';
import { Helplines } from '../content/helplines';
import { readingLevel, turnFacts } from './childProfile';

/** What every dialog receives from the composition root. */
export interface DialogDeps {
  content: Content;
  helplines: Helplines;
}

/** The words of this turn: the child's language and reading level, fixed for the turn. */
export function wordsFor(deps: DialogDeps, context: TurnContext, ns?: Namespace): { t: TFunction; lng: string; level: 'young' | 'teen' } {
  const { profile } = turnFacts(context);
  const lng = profile.language ?? 'en';
  return { t: deps.content.t(lng, ns), lng, level: readingLevel(profile) };
}
