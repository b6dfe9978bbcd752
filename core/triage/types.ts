import { z } from 'zod';

/** Risk levels, lowest first: the order matters, a layer may only move a screening up this list. */
export const RISK_LEVELS = ['none', 'concern', 'urgent'] as const;
export const riskLevelSchema = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

export const CATEGORIES = [
  'self_harm',
  'sexual_abuse',
  'physical_abuse',
  'emotional_abuse',
  'neglect',
  'detention',
  'trafficking_contact',
  'luring',
  'exploitation',
  'bullying',
  'privacy_breach',
  'family_contact_denied',
] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

/** What screening says about one message. `reasons` are for monitoring staff, never shown to the child. */
export interface Screening {
  risk: RiskLevel;
  categories: Category[];
  reasons: string[];
}

/** Returns the higher of two risk levels. */
export function maxRisk(a: RiskLevel, b: RiskLevel): RiskLevel {
  return RISK_LEVELS.indexOf(a) >= RISK_LEVELS.indexOf(b) ? a : b;
}
