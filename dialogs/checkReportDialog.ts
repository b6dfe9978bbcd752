import { ComponentDialog, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { turnFacts } from './childProfile';
import { DialogDeps, wordsFor } from './dialogDeps';

export const CHECK_REPORT_DIALOG = 'checkReportDialog';
const CODE = 'checkReportDialog.code';

/** "Check my report": the receipt code gives status, due date and any answer from the monitoring team. */
export class CheckReportDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(CHECK_REPORT_DIALOG);
    this.addDialog(new WaterfallDialog(`${CHECK_REPORT_DIALOG}.steps`, [this.ask.bind(this), this.show.bind(this)]));
    this.initialDialogId = `${CHECK_REPORT_DIALOG}.steps`;
    this.addDialog(new TextPrompt(CODE));
  }

  private async ask(step: WaterfallStepContext) {
    return step.prompt(CODE, wordsFor(this.deps, step.context, 'report').t('askCode'));
  }

  private async show(step: WaterfallStepContext) {
    const { t, lng } = wordsFor(this.deps, step.context, 'report');
    const result = await this.deps.reports.check(step.result as string, turnFacts(step.context).pseudonym);
    if (!result.found) {
      const key = result.reason === 'rate_limited' ? 'rateLimited' : result.reason === 'malformed' ? 'malformed' : 'notFound';
      await step.context.sendActivity(t(key));
      return step.endDialog();
    }
    const date = dateFormat(lng);
    const lines = [t('found', { status: t(`status.${result.status}`) })];
    if (result.status !== 'closed') lines.push(t('due', { date: date.format(new Date(result.dueAt)) }));
    if (result.replies.length === 0) lines.push(t('noReply'));
    for (const r of result.replies) lines.push(t('reply', { date: date.format(new Date(r.at)), text: r.text }));
    await step.context.sendActivity(lines.join('\n\n'));
    return step.endDialog();
  }
}

/** Formatting dates in a language: building the formatter costs far more than using it, so one per language. */
function dateFormat(lng: string): Intl.DateTimeFormat {
  let format = dateFormats.get(lng);
  if (!format) dateFormats.set(lng, (format = new Intl.DateTimeFormat(lng, { dateStyle: 'long' })));
  return format;
}
const dateFormats = new Map<string, Intl.DateTimeFormat>();
