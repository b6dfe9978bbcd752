import { ComponentDialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { ButtonChoicePrompt } from './buttonChoicePrompt';
import { turnFacts } from './childProfile';
import { DialogDeps, wordsFor } from './dialogDeps';

export const LANGUAGE_DIALOG = 'languageDialog';
const PICK = 'languageDialog.pick';

/** Lets the child pick a language; each is shown in its own script. Remembered in their profile. */
export class LanguageDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(LANGUAGE_DIALOG);
    this.addDialog(new ButtonChoicePrompt(PICK));
    this.addDialog(new WaterfallDialog(`${LANGUAGE_DIALOG}.steps`, [this.ask.bind(this), this.set.bind(this)]));
    this.initialDialogId = `${LANGUAGE_DIALOG}.steps`;
  }

  private async ask(step: WaterfallStepContext) {
    const { t } = wordsFor(this.deps, step.context);
    const { content } = this.deps;
    const options = content.languages.map((lng) => ({
      value: lng,
      title: content.meta[lng].name,
      synonyms: [content.meta[lng].englishName, lng],
    }));
    return step.prompt(PICK, ButtonChoicePrompt.ask({ text: t('chooseLanguage'), options, retryText: t('notUnderstood') }));
  }

  private async set(step: WaterfallStepContext) {
    const { profile } = turnFacts(step.context);
    profile.language = step.result as string;
    profile.languageChosen = true;
    await step.context.sendActivity(wordsFor(this.deps, step.context).t('languageSet'));
    return step.endDialog();
  }
}
