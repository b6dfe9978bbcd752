import { ReportService } from '../core/cases/reportService';
import { CircuitBreaker } from '../core/triage/circuitBreaker';
import { createModelClassifier } from '../core/triage/modelClassifier';
import { loadRuleScreener } from '../core/triage/ruleScreener';
import { createScreener } from '../core/triage/screener';
import { Screening } from '../core/triage/types';
import { Config } from './config';
import { Logger } from './logger';
import { modelSecondOpinion, ScreenText, SecondOpinion } from './safeguarding';

/**
 * Screening for the bot: the rule screener over every language's rule file, and — only when OPENAI_API_KEY or
 * OPENAI_BASE_URL is set — a model's second opinion that runs after the child was answered.
 */
export function buildScreening(
  config: Config,
  reports: ReportService,
  log: Logger,
  ownWords: ReadonlySet<string>,
): { screen: ScreenText; secondOpinion?: SecondOpinion } {
  const rules = loadRuleScreener();
  const screenRules = rememberingOwnWords((text, locale) => rules.screen(text, locale), ownWords);
  if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) return { screen: screenRules };
  const model = createModelClassifier({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    breaker: new CircuitBreaker({ failureThreshold: 5, cooldownMs: 30_000 }),
  });
  const screener = createScreener({ rules, model });
  return { screen: screenRules, secondOpinion: modelSecondOpinion(screener, reports, log) };
}

/** Texts longer than this are never a button title or command word of ours. */
const OWN_WORD_MAX = 80;

/**
 * Screening is a pure function of text and locale, and most turns are a tapped button whose text is one of our
 * own content strings: their screenings are kept, so a tap costs a look-up. A child's own words are never kept.
 */
export function rememberingOwnWords(screen: ScreenText, ownWords: ReadonlySet<string>): ScreenText {
  const known = new Map<string, Screening>();
  return (text, locale) => {
    if (text.length > OWN_WORD_MAX || !ownWords.has(text)) return screen(text, locale);
    const key = `${locale ?? ''}\u0000${text}`;
    let screening = known.get(key);
    if (!screening) known.set(key, (screening = screen(text, locale)));
    // Callers own what they get: a copy, so nothing they change reaches the next child.
    return { ...screening, categories: [...screening.categories], reasons: [...screening.reasons] };
  };
}

/** Every short string of the content in every language: button titles, menu and command words. */
export function contentWords(resources: unknown, into = new Set<string>()): Set<string> {
  if (typeof resources === 'string') {
    if (resources.length <= OWN_WORD_MAX) into.add(resources);
  } else if (resources && typeof resources === 'object') {
    for (const value of Object.values(resources)) contentWords(value, into);
  }
  return into;
}
