import { TurnContext } from 'botbuilder';
import { FileReportInput, ReportService } from '../core/cases/reportService';
import { Screening } from '../core/triage/types';
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
