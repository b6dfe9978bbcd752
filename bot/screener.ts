import { ReportService } from '../core/cases/reportService';
import { CircuitBreaker } from '../core/triage/circuitBreaker';
import { createModelClassifier } from '../core/triage/modelClassifier';
import { loadRuleScreener } from '../core/triage/ruleScreener';
import { createScreener } from '../core/triage/screener';
import { Config } from './config';
import { Logger } from './logger';
import { modelSecondOpinion, ScreenText, SecondOpinion } from './safeguarding';

/**
 * Screening for the bot: the rule screener over every language's rule file, and — only when OPENAI_API_KEY or
 * OPENAI_BASE_URL is set — a model's second opinion that runs after the child was answered.
 */
export function buildScreening(config: Config, reports: ReportService, log: Logger): { screen: ScreenText; secondOpinion?: SecondOpinion } {
  const rules = loadRuleScreener();
  if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) return { screen: (text, locale) => rules.screen(text, locale) };
  const model = createModelClassifier({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    breaker: new CircuitBreaker({ failureThreshold: 5, cooldownMs: 30_000 }),
  });
  const screener = createScreener({ rules, model });
  return { screen: screener.screenRules, secondOpinion: modelSecondOpinion(screener, reports, log) };
}
