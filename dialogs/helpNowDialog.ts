import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { maxRisk } from '../core/triage/types';
import { ButtonChoicePrompt } from './buttonChoicePrompt';
import { FiledConcern, turnFacts } from './childProfile';
import { DialogDeps, wordsFor } from './dialogDeps';
import { reportBase } from './reportBase';
import { ReportTextPrompt } from './reportTextPrompt';

export const HELP_NOW_DIALOG = 'helpNowDialog';
const CHOICE = 'helpNowDialog.choice';
const TEXT = 'helpNowDialog.text';

/**
 * Help now, reached three ways: screening found a risk (the concern is already stored), the menu, or the word for
 * help. It answers at once: what happens next and by when, the receipt code, a human helpline; then offers to say
 * more, and returns to whatever the child was doing.
 */
export class HelpNowDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(HELP_NOW_DIALOG);
    this.addDialog(new WaterfallDialog(`${HELP_NOW_DIALOG}.steps`, [this.answer.bind(this), this.askText.bind(this), this.take.bind(this)]));
    this.initialDialogId = `${HELP_NOW_DIALOG}.steps`;
    this.addDialog(new ButtonChoicePrompt(CHOICE, deps.content));
    this.addDialog(new ReportTextPrompt(TEXT));
  }

  private async answer(step: WaterfallStepContext) {
    const { t, lng } = wordsFor(this.deps, step.context, 'help');
    const common = this.deps.content.t(lng);
    const filed = turnFacts(step.context).filed;
    const lines = filed ? this.receivedLines(step, filed) : [t('talkToPerson')];
    lines.push(this.deps.helplines.sentence(common, this.deps.countryOf(step.context)));
    if (!filed) lines.push(t('offerTell'));
    await step.context.sendActivity(lines.join('\n\n'));
    (step.values as { reportId?: string }).reportId = filed?.durable ? filed.reportId : undefined;
    const yes = filed ? t('addMoreYes') : t('tell');
    const options = [
      { value: 'yes', title: yes },
      { value: 'no', title: t('no') },
    ];
    return step.prompt(CHOICE, ButtonChoicePrompt.ask({ text: filed ? t('addMore') : yes + '?', options, retryText: common('notUnderstood') }));
  }

  private receivedLines(step: WaterfallStepContext, filed: FiledConcern): string[] {
    const { t } = wordsFor(this.deps, step.context, 'help');
    if (!filed.durable) return [t('notStored')];
    return [t(`received.${filed.risk === 'urgent' ? 'urgent' : 'concern'}`), t('receipt', { code: filed.receiptCode })];
  }

  private async askText(step: WaterfallStepContext) {
    if (step.result !== 'yes') return step.endDialog();
    return step.prompt(TEXT, wordsFor(this.deps, step.context, 'help').t('askText'));
  }

  private async take(step: WaterfallStepContext) {
    const text = step.result as string;
    const { t } = wordsFor(this.deps, step.context, 'help');
    const facts = turnFacts(step.context);
    const screening = facts.screening ?? { risk: 'none', categories: [], reasons: [] };
    const reportId = (step.values as { reportId?: string }).reportId;
    if (reportId) {
      await this.deps.reports.addText(reportId, text);
      await step.context.sendActivity(t('moreAdded'));
      return step.endDialog();
    }
    // Asking for help now and describing it is at least a concern, whatever the words.
    const filed = await this.deps.fileConcern(step.context, {
      ...reportBase(step.context),
      kind: 'concern',
      risk: maxRisk(screening.risk, 'concern'),
      categories: screening.categories,
      reasons: [...screening.reasons, 'asked for help now'],
      text,
      wantsReply: false,
    });
    await step.context.sendActivity(this.receivedLines(step, filed).join('\n\n'));
    return step.endDialog();
  }
}
