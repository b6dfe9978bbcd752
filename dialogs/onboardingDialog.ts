import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { ButtonChoicePrompt } from './buttonChoicePrompt';
import { AGE_BANDS, AgeBand, turnFacts } from './childProfile';
import { DialogDeps, wordsFor } from './dialogDeps';
import { LANGUAGE_DIALOG } from './languageDialog';

export const ONBOARDING_DIALOG = 'onboardingDialog';
const AGE = 'onboardingDialog.age';

/**
 * The first conversation: a greeting in the channel's language when we have it, the language, the age band, and
 * in plain words who reads what they write and what happens if someone is in danger.
 */
export class OnboardingDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(ONBOARDING_DIALOG);
    this.addDialog(new ButtonChoicePrompt(AGE));
    this.addDialog(
      new WaterfallDialog(`${ONBOARDING_DIALOG}.steps`, [
        this.greet.bind(this),
        this.askAge.bind(this),
        this.explain.bind(this),
      ]),
    );
    this.initialDialogId = `${ONBOARDING_DIALOG}.steps`;
  }

  private async greet(step: WaterfallStepContext) {
    await step.context.sendActivity(wordsFor(this.deps, step.context).t('greeting'));
    return step.beginDialog(LANGUAGE_DIALOG);
  }

  private async askAge(step: WaterfallStepContext) {
    const { t } = wordsFor(this.deps, step.context);
    const options = AGE_BANDS.map((band) => ({ value: band, title: t(`age.${band}`) }));
    return step.prompt(AGE, ButtonChoicePrompt.ask({ text: t('askAge'), options, retryText: t('notUnderstood') }));
  }

  private async explain(step: WaterfallStepContext) {
    const { profile } = turnFacts(step.context);
    profile.ageBand = step.result as AgeBand;
    profile.onboarded = true;
    const { t, level } = wordsFor(this.deps, step.context);
    await step.context.sendActivity(t(`whoReads.${level}`));
    return step.endDialog();
  }
}
