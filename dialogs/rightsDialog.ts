import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { GENERAL } from '../content/rightsIndex';
import { ButtonChoicePrompt } from './buttonChoicePrompt';
import { DialogDeps, wordsFor } from './dialogDeps';
import { RightsQuestionPrompt } from './rightsQuestionPrompt';

export const RIGHTS_DIALOG = 'rightsDialog';
const CHOICE = 'rightsDialog.choice';
const BACK = '_back';

interface RightsOptions {
  /** A topic found from a free-text question, or GENERAL for "what are my rights?". */
  topic?: string;
}

/**
 * "Know my rights": browse groups and topics as buttons (or numbers), or arrive with the topic a free-text
 * question matched (typed at the menu, or instead of tapping a group or topic here). The age band picks the text level; every answer ends with how to reach a human; then "did
 * this help?" and a way back.
 */
export class RightsDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(RIGHTS_DIALOG);
    this.addDialog(
      new WaterfallDialog(`${RIGHTS_DIALOG}.steps`, [
        this.chooseGroup.bind(this),
        this.chooseTopic.bind(this),
        this.explain.bind(this),
        this.thank.bind(this),
        this.next.bind(this),
      ]),
    );
    this.initialDialogId = `${RIGHTS_DIALOG}.steps`;
    this.addDialog(new RightsQuestionPrompt(CHOICE, deps.content.rightsIndex));
  }

  private ask(step: WaterfallStepContext, text: string, options: { value: string; title: string }[]) {
    const { t } = wordsFor(this.deps, step.context);
    return step.prompt(CHOICE, ButtonChoicePrompt.ask({ text, options, retryText: t('notUnderstood') }));
  }

  private async chooseGroup(step: WaterfallStepContext) {
    const topic = (step.options as RightsOptions | undefined)?.topic;
    if (topic && topic !== GENERAL) return step.next({ topic });
    const { t } = wordsFor(this.deps, step.context);
    const r = wordsFor(this.deps, step.context, 'rights').t;
    const groups = this.deps.content.rights.groups.map((g) => ({ value: g.id, title: r(`groups.${g.id}.title`) }));
    return this.ask(step, t('rightsUi.chooseGroup'), [...groups, { value: BACK, title: t('back') }]);
  }

  private async chooseTopic(step: WaterfallStepContext) {
    if (step.result === BACK) return step.endDialog();
    if (typeof step.result === 'object') return step.next(step.result);
    const asked = RightsQuestionPrompt.askedTopic(step.result);
    if (asked) return this.answerQuestion(step, asked);
    const group = step.result as string;
    const { t } = wordsFor(this.deps, step.context);
    const r = wordsFor(this.deps, step.context, 'rights').t;
    const topics = this.deps.content.rights.topics
      .filter((topic) => topic.group === group)
      .sort((a, b) => a.order - b.order)
      .map((topic) => ({ value: topic.id, title: r(`topics.${topic.id}.title`) }));
    return this.ask(step, `${r(`groups.${group}.intro`)}`, [...topics, { value: BACK, title: t('rightsUi.backGroups') }]);
  }

  private async explain(step: WaterfallStepContext) {
    const topic = typeof step.result === 'object' ? (step.result as { topic: string }).topic : (step.result as string);
    if (topic === BACK) return step.replaceDialog(`${RIGHTS_DIALOG}.steps`);
    const asked = RightsQuestionPrompt.askedTopic(topic);
    if (asked) return this.answerQuestion(step, asked);
    const { t, level, lng } = wordsFor(this.deps, step.context);
    const r = this.deps.content.t(lng, 'rights');
    const helpline = this.deps.helplines.sentence(t, this.deps.countryOf(step.context));
    await step.context.sendActivity(`${r(`topics.${topic}.title`)}\n\n${r(`topics.${topic}.${level}`)}\n\n${helpline}`);
    return this.ask(step, t('rightsUi.didHelp'), [
      { value: 'yes', title: t('rightsUi.helpedYes') },
      { value: 'no', title: t('rightsUi.helpedNo') },
    ]);
  }

  /** A question typed instead of a button: its topic, or the groups again for "what are my rights?". */
  private answerQuestion(step: WaterfallStepContext, topic: string) {
    if (topic === GENERAL) return step.replaceDialog(`${RIGHTS_DIALOG}.steps`);
    return step.replaceDialog(`${RIGHTS_DIALOG}.steps`, { topic } satisfies RightsOptions);
  }

  private async thank(step: WaterfallStepContext) {
    const { t } = wordsFor(this.deps, step.context);
    await step.context.sendActivity(t(step.result === 'yes' ? 'rightsUi.thanks' : 'rightsUi.notHelped'));
    return this.ask(step, t('menu.prompt'), [
      { value: 'another', title: t('rightsUi.another') },
      { value: BACK, title: t('back') },
    ]);
  }

  private async next(step: WaterfallStepContext) {
    if (step.result === 'another') return step.replaceDialog(`${RIGHTS_DIALOG}.steps`);
    return step.endDialog();
  }
}
