import { ScreenText } from './safeguarding';

/** The rule-based screener over every language's rule file (core/triage/rules). */
export async function defaultScreener(): Promise<ScreenText> {
  const { loadRuleScreener } = await import('../core/triage/ruleScreener');
  const screener = loadRuleScreener();
  return (text, locale) => screener.screen(text, locale);
}
