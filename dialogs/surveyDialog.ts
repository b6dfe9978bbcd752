import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { ViewAnswer } from '../core/views/types';
import { ButtonChoicePrompt } from './buttonChoicePrompt';
import { turnFacts } from './childProfile';
import { DialogDeps, wordsFor } from './dialogDeps';
import { FACILITY_DIALOG, FacilityDialog } from './facilityDialog';
import { reportBase } from './reportBase';
import { ReportTextPrompt } from './reportTextPrompt';

export const SURVEY_DIALOG = 'surveyDialog';
const QUESTION_LOOP = 'surveyDialog.question';
const CHOICE = 'surveyDialog.choice';
const COMMENT = 'surveyDialog.comment';
const SCALE = ['5', '4', '3', '2', '1', 'skip'] as const;

interface LoopState {
  questions: string[];
  index: number;
}

/**
 * "Tell us how it is here": a few questions from the standards, each on a five-face scale or "I don't want to
 * say", worded for the child's age; answers are counted, never kept one by one. Then an optional comment, which
 * is screened like every message and reaches the monitoring team.
 */
export class SurveyDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(SURVEY_DIALOG);
    this.addDialog(
      new WaterfallDialog(`${SURVEY_DIALOG}.steps`, [
        this.facility.bind(this),
        this.intro.bind(this),
        this.askComment.bind(this),
        this.comment.bind(this),
        this.finish.bind(this),
      ]),
    );
    this.initialDialogId = `${SURVEY_DIALOG}.steps`;
    this.addDialog(new WaterfallDialog(QUESTION_LOOP, [this.ask.bind(this), this.record.bind(this)]));
    this.addDialog(new FacilityDialog(deps));
    this.addDialog(new ButtonChoicePrompt(CHOICE, deps.content));
    this.addDialog(new ReportTextPrompt(COMMENT));
  }

  private async facility(step: WaterfallStepContext) {
    const { profile } = turnFacts(step.context);
    return profile.facilityId || profile.facilityAsked ? step.next() : step.beginDialog(FACILITY_DIALOG);
  }

  private async intro(step: WaterfallStepContext) {
    const { t, level } = wordsFor(this.deps, step.context, 'survey');
    await step.context.sendActivity(t(`intro.${level}`));
    const { survey } = this.deps.content;
    const questions = await this.deps.views.questionsFor(
      turnFacts(step.context).profile.facilityId,
      survey.questions.map((q) => q.id),
      survey.perSession,
    );
    return step.beginDialog(QUESTION_LOOP, { questions, index: 0 } satisfies LoopState);
  }

  private async ask(step: WaterfallStepContext) {
    const { questions, index } = step.options as LoopState;
    const { t, level, lng } = wordsFor(this.deps, step.context, 'survey');
    const options = SCALE.map((v) => ({ value: v, title: t(`scale.${v}`) }));
    const text = `${index + 1}/${questions.length}. ${t(`questions.${questions[index]}.${level}`)}`;
    return step.prompt(CHOICE, ButtonChoicePrompt.ask({ text, options, retryText: this.deps.content.t(lng)('notUnderstood') }));
  }

  private async record(step: WaterfallStepContext) {
    const { questions, index } = step.options as LoopState;
    const { pseudonym, profile } = turnFacts(step.context);
    const answer: ViewAnswer = step.result === 'skip' ? 'skip' : (Number(step.result) as ViewAnswer);
    await this.deps.views.record({ facilityId: profile.facilityId, questionId: questions[index], ageBand: profile.ageBand, answer, pseudonym });
    if (index + 1 < questions.length) return step.replaceDialog(QUESTION_LOOP, { questions, index: index + 1 } satisfies LoopState);
    return step.endDialog();
  }

  private async askComment(step: WaterfallStepContext) {
    const { t, lng } = wordsFor(this.deps, step.context, 'survey');
    const options = [
      { value: 'yes', title: t('writeComment') },
      { value: 'no', title: t('noComment') },
    ];
    return step.prompt(CHOICE, ButtonChoicePrompt.ask({ text: t('askComment'), options, retryText: this.deps.content.t(lng)('notUnderstood') }));
  }

  private async comment(step: WaterfallStepContext) {
    if (step.result !== 'yes') return step.next();
    return step.prompt(COMMENT, wordsFor(this.deps, step.context, 'survey').t('commentPrompt'));
  }

  private async finish(step: WaterfallStepContext) {
    const { t, lng } = wordsFor(this.deps, step.context, 'survey');
    if (typeof step.result !== 'string') {
      await step.context.sendActivity(t('thanks'));
      return step.endDialog();
    }
    // The comment was screened before this step ran: a risk files it as a concern at that level.
    const screening = turnFacts(step.context).screening ?? { risk: 'none' as const, categories: [], reasons: [] };
    const filed = await this.deps.fileConcern(step.context, {
      ...reportBase(step.context),
      kind: screening.risk === 'none' ? 'complaint' : 'concern',
      topic: 'survey_comment',
      risk: screening.risk,
      categories: screening.categories,
      reasons: screening.reasons,
      text: step.result,
      wantsReply: false,
    });
    const help = this.deps.content.t(lng, 'help');
    const lines = [t('thanks')];
    if (!filed.durable) lines.push(help('notStored'));
    else if (screening.risk !== 'none') lines.push(help(`received.${screening.risk}`), help('receipt', { code: filed.receiptCode }));
    else lines.push(t('commentThanks'));
    if (!filed.durable || screening.risk !== 'none') lines.push(this.deps.helplines.sentence(this.deps.content.t(lng), this.deps.countryOf(step.context)));
    await step.context.sendActivity(lines.join('\n\n'));
    return step.endDialog();
  }
}
