import { TurnContext } from 'botbuilder';
import { turnFacts } from './childProfile';

/** The parts of every report that come from the turn, not from what the child chose. */
export function reportBase(context: TurnContext) {
  const { pseudonym, profile } = turnFacts(context);
  return {
    locale: profile.language ?? 'en',
    channelId: context.activity.channelId,
    pseudonym,
    facilityId: profile.facilityId,
  };
}
