import { ComponentDialog, Dialog, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { ButtonChoicePrompt } from './buttonChoicePrompt';
import { DialogDeps, wordsFor } from './dialogDeps';
import { RightsQuestionPrompt } from './rightsQuestionPrompt';

export const MAIN_MENU_DIALOG = 'mainMenuDialog';
const PICK = 'mainMenuDialog.pick';

export const MENU_ENTRIES = ['rights', 'views', 'complaint', 'help', 'check'] as const;
export type MenuEntry = (typeof MENU_ENTRIES)[number];

/**
 * The main menu, looping: each entry starts its dialog; an entry whose dialog is not built yet says so honestly
 * instead of faking a flow.
 */
export class MainMenuDialog extends ComponentDialog {
  constructor(
    private readonly deps: DialogDeps,
    private readonly entries: Partial<Record<MenuEntry, Dialog>>,
  ) {
    super(MAIN_MENU_DIALOG);
    this.addDialog(new RightsQuestionPrompt(PICK, deps.content.rightsIndex));
    for (const dialog of Object.values(entries)) this.addDialog(dialog);
    this.addDialog(new WaterfallDialog(`${MAIN_MENU_DIALOG}.steps`, [this.ask.bind(this), this.route.bind(this), this.loop.bind(this)]));
    this.initialDialogId = `${MAIN_MENU_DIALOG}.steps`;
  }

  private async ask(step: WaterfallStepContext) {
    const { t } = wordsFor(this.deps, step.context);
    const options = MENU_ENTRIES.map((entry) => ({ value: entry, title: t(`menu.${entry}`) }));
    return step.prompt(PICK, ButtonChoicePrompt.ask({ text: t('menu.prompt'), options, retryText: t('notUnderstood') }));
  }

  private async route(step: WaterfallStepContext) {
    const asked = RightsQuestionPrompt.askedTopic(step.result);
    if (asked && this.entries.rights) return step.beginDialog(this.entries.rights.id, { topic: asked });
    const dialog = this.entries[step.result as MenuEntry];
    if (dialog) return step.beginDialog(dialog.id);
    await step.context.sendActivity(wordsFor(this.deps, step.context).t('comingSoon'));
    return step.next();
  }

  private async loop(step: WaterfallStepContext) {
    return step.replaceDialog(`${MAIN_MENU_DIALOG}.steps`);
  }
}
