import { ModelClassifier } from './modelClassifier';
import { RuleScreener } from './ruleScreener';
import { maxRisk, Screening } from './types';

/** Rules at once, and optionally a model's second opinion that can only add to them. */
export interface Screener {
  /** The rule screening, synchronously: the bot answers on this without waiting for any model. */
  screenRules(text: string, locale?: string): Screening;
  /**
   * The rule screening merged with the model's, when a model is configured. `redactedText` must already be
   * redacted (the caller's job); `ruleScreening` is the result of screenRules on the original text, when the
   * caller has it, so rules can see what redaction removed.
   */
  screenWithModel(redactedText: string, locale?: string, ruleScreening?: Screening): Promise<Screening>;
  /** Rules then model on the same (already redacted) text. */
  screen(text: string, locale?: string): Promise<Screening>;
}

/**
 * Merges a model's screening into the rules' one: the risk can only go up (maxRisk), categories and reasons are
 * added, nothing is taken away. A model that says "none" adds nothing at all.
 */
export function mergeScreenings(rules: Screening, model: Screening | null): Screening {
  if (!model || model.risk === 'none') return rules;
  return {
    risk: maxRisk(rules.risk, model.risk),
    categories: [...new Set([...rules.categories, ...model.categories])],
    reasons: [...rules.reasons, ...model.reasons],
  };
}

/** Builds the screener from the rule screener and, optionally, a model classifier. */
export function createScreener({ rules, model }: { rules: RuleScreener; model?: ModelClassifier }): Screener {
  const screenRules = (text: string, locale?: string) => rules.screen(text, locale);
  const screenWithModel = async (redactedText: string, locale?: string, ruleScreening?: Screening) => {
    const base = ruleScreening ?? screenRules(redactedText, locale);
    if (!model) return base;
    return mergeScreenings(base, await model.classify(redactedText, locale));
  };
  return { screenRules, screenWithModel, screen: (text, locale) => screenWithModel(text, locale) };
}
