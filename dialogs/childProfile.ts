import { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { RiskLevel, Screening } from '../core/triage/types';

export const AGE_BANDS = ['young', 'teen', 'adult'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** What heard remembers about a child, under their pseudonym only: no name, no contact details. */
export const childProfileSchema = z.object({
  language: z.string().optional(),
  /** Set when the child picked a language themselves, so the channel's locale no longer overrides it. */
  languageChosen: z.boolean().optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  onboarded: z.boolean().optional(),
  facilityId: z.string().optional(),
  /** The child was asked for their home once; "I don't want to say" is respected and not asked again. */
  facilityAsked: z.boolean().optional(),
});
export type ChildProfile = z.infer<typeof childProfileSchema>;

/** Per-turn facts the bot sets before dialogs run; dialogs read them, never the raw activity's ids. */
export interface TurnFacts {
  pseudonym: string;
  profile: ChildProfile;
  /** What rule-based screening found in this turn's text (set on every message with text). */
  screening?: Screening;
  /** Set when the bot filed a concern from this turn's text, so the dialogs interrupt with help now. */
  filed?: FiledConcern;
}

/** A concern as the child is told about it: `durable` false means it could not be stored and they must know. */
export type FiledConcern =
  | { durable: true; reportId: string; receiptCode: string; risk: RiskLevel }
  | { durable: false; risk: RiskLevel };

const FACTS = Symbol('heard.turnFacts');

export function setTurnFacts(context: TurnContext, facts: TurnFacts): void {
  context.turnState.set(FACTS, facts);
}

export function turnFacts(context: TurnContext): TurnFacts {
  const facts = context.turnState.get(FACTS) as TurnFacts | undefined;
  if (!facts) throw new Error('turnFacts read before the bot set them: dialogs must run inside HeardBot');
  return facts;
}

/** Text level for content with young/teen variants: those who left care read the teen text. */
export function readingLevel(profile: ChildProfile): 'young' | 'teen' {
  return profile.ageBand === 'young' ? 'young' : 'teen';
}
