import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { Category } from '../core/triage/types';
import { ButtonChoicePrompt } from './buttonChoicePrompt';
import { turnFacts } from './childProfile';
import { DialogDeps, wordsFor } from './dialogDeps';
import { reportBase } from './reportBase';
import { ReportTextPrompt } from './reportTextPrompt';

export const COMPLAINT_DIALOG = 'complaintDialog';
const CHOICE = 'complaintDialog.choice';
const TEXT = 'complaintDialog.text';

/** Complaint topics: the service areas of the standards, in the words a child would use. */
export const COMPLAINT_TOPICS = ['safety', 'staff', 'discipline', 'food', 'health', 'school', 'family', 'privacy', 'room', 'freedom', 'case', 'other'] as const;

/**
 * "Make a complaint": who reads it first, then what it is about, what happened, whether they want an answer;
 * then the receipt code. If the words show a risk, it is filed at that risk and the child is told so.
 */
export class ComplaintDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(COMPLAINT_DIALOG);
    this.addDialog(
      new WaterfallDialog(`${COMPLAINT_DIALOG}.steps`, [
        this.intro.bind(this),
        this.askTopic.bind(this),
        this.askText.bind(this),
        this.askReply.bind(this),
        this.file.bind(this),
      ]),
    );
    this.initialDialogId = `${COMPLAINT_DIALOG}.steps`;
    this.addDialog(new ButtonChoicePrompt(CHOICE, deps.content));
    this.addDialog(new ReportTextPrompt(TEXT));
  }

  private ask(step: WaterfallStepContext, text: string, options: { value: string; title: string }[]) {
    const common = this.deps.content.t(wordsFor(this.deps, step.context).lng);
    return step.prompt(CHOICE, ButtonChoicePrompt.ask({ text, options, retryText: common('notUnderstood') }));
  }

  private async intro(step: WaterfallStepContext) {
    const { t, lng } = wordsFor(this.deps, step.context, 'complaint');
    const common = this.deps.content.t(lng);
    return this.ask(step, t('intro'), [
      { value: 'go', title: t('start') },
      { value: 'back', title: common('back') },
    ]);
  }

  private async askTopic(step: WaterfallStepContext) {
    if (step.result !== 'go') return step.endDialog();
    const { t } = wordsFor(this.deps, step.context, 'complaint');
    return this.ask(step, t('askTopic'), COMPLAINT_TOPICS.map((topic) => ({ value: topic, title: t(`topics.${topic}`) })));
  }

  private async askText(step: WaterfallStepContext) {
    (step.values as { topic?: string }).topic = step.result as string;
    return step.prompt(TEXT, wordsFor(this.deps, step.context, 'complaint').t('askText'));
  }

  private async askReply(step: WaterfallStepContext) {
    const values = step.values as { text?: string; screening?: unknown };
    values.text = step.result as string;
    // Screening ran on this very message before the dialog: keep its result for filing.
    values.screening = turnFacts(step.context).screening;
    const { t } = wordsFor(this.deps, step.context, 'complaint');
    return this.ask(step, t('askReply'), [
      { value: 'yes', title: t('yes') },
      { value: 'no', title: t('no') },
    ]);
  }

  private async file(step: WaterfallStepContext) {
    const { topic, text, screening } = step.values as {
      topic: string;
      text: string;
      screening?: { risk: 'none' | 'concern' | 'urgent'; categories: Category[]; reasons: string[] };
    };
    const wantsReply = step.result === 'yes';
    const risk = screening?.risk ?? 'none';
    const filed = await this.deps.fileConcern(step.context, {
      ...reportBase(step.context),
      kind: 'complaint',
      topic,
      risk,
      categories: screening?.categories ?? [],
      reasons: screening?.reasons ?? [],
      text,
      wantsReply,
    });
    const { t, lng } = wordsFor(this.deps, step.context, 'complaint');
    const help = this.deps.content.t(lng, 'help');
    const common = this.deps.content.t(lng);
    const lines: string[] = [];
    if (!filed.durable) lines.push(help('notStored'), this.deps.helplines.sentence(common, this.deps.countryOf(step.context)));
    else if (risk === 'none') lines.push(t('filed'), t('receipt', { code: filed.receiptCode }));
    else {
      lines.push(help(`received.${risk}`), t('receipt', { code: filed.receiptCode }), this.deps.helplines.sentence(common, this.deps.countryOf(step.context)));
    }
    if (filed.durable && !wantsReply) lines.push(t('noReplyNote'));
    await step.context.sendActivity(lines.join('\n\n'));
    return step.endDialog();
  }
}
