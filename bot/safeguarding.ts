import { TurnContext } from 'botbuilder';
import { FileReportInput, ReportService } from '../core/cases/reportService';
import { redact } from '../core/privacy/redact';
import { Screener } from '../core/triage/screener';
import { RISK_LEVELS, Screening } from '../core/triage/types';
import { FiledConcern } from '../dialogs/childProfile';
import { Logger } from './logger';
import { Metrics } from './metrics';

export type ScreenText = (text: string, locale?: string) => Screening;

/**
 * Files a report and turns the outcome into what the child may be told. It never throws: if even the local spool
 * fails, the child is told plainly that it was not sent and given the helpline.
 */
export function concernFiler(reports: ReportService, log: Logger, metrics: Metrics) {
  return async (context: TurnContext, input: FileReportInput): Promise<FiledConcern> => {
    try {
      const filed = await reports.file({
        ...input,
        conversationRef: input.wantsReply ? TurnContext.getConversationReference(context.activity) : undefined,
      });
      metrics.reportsFiled.inc({ kind: input.kind, risk: input.risk, durability: filed.durability });
      if (filed.durability === 'spool') log.error({ reportId: filed.report.id }, 'store down: report spooled locally, will be replayed');
      return { durable: true, reportId: filed.report.id, receiptCode: filed.receiptCode, risk: input.risk };
    } catch (err) {
      metrics.reportsLost.inc();
      log.fatal({ err }, 'a report could not be stored anywhere; the child was told and given the helpline');
      return { durable: false, risk: input.risk };
    }
  };
}

export interface SecondOpinion {
  (turn: {
    text: string;
    base: Pick<FileReportInput, 'locale' | 'channelId' | 'pseudonym' | 'facilityId'>;
    rules: Screening;
    filed?: FiledConcern;
  }): void;
  /** Resolves once every opinion asked so far has been acted on: shutdown waits for it before closing the store. */
  settled(): Promise<void>;
}

/**
 * Asks the model about a message after the child was answered on the rules (a slow model never delays a safety
 * answer). If it sees more than the rules did, the report is raised, or a concern is filed that the rules missed.
 * Only redacted text reaches the model.
 */
export function modelSecondOpinion(screener: Screener, reports: ReportService, log: Logger): SecondOpinion {
  const pending = new Set<Promise<void>>();
  const ask: SecondOpinion = ({ text, base, rules, filed }) => {
    const work = async () => {
      const merged = await screener.screenWithModel(redact(text), base.locale, rules);
      if (RISK_LEVELS.indexOf(merged.risk) <= RISK_LEVELS.indexOf(rules.risk)) return;
      if (filed?.durable) {
        await reports.raise(filed.reportId, merged);
      } else if (!filed) {
        await reports.file({ ...base, kind: 'concern', risk: merged.risk, categories: merged.categories, reasons: merged.reasons, text, wantsReply: false });
      }
      log.info({ from: rules.risk, to: merged.risk }, 'model raised the risk of a message');
    };
    const done = work()
      .catch((err) => log.warn({ err }, 'model second opinion failed; the rules result stands'))
      .finally(() => pending.delete(done));
    pending.add(done);
  };
  // Bounded by the model's timeout: an opinion never holds shutdown for longer than one call.
  ask.settled = async () => {
    await Promise.all([...pending]);
  };
  return ask;
}
