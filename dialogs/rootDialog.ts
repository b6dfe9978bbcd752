import { ComponentDialog, Dialog, DialogContext, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { ChildProfile, turnFacts } from './childProfile';
import { DialogDeps } from './dialogDeps';
import { HELP_NOW_DIALOG } from './helpNowDialog';
import { LANGUAGE_DIALOG, LanguageDialog } from './languageDialog';
import { MAIN_MENU_DIALOG } from './mainMenuDialog';
import { normaliseInput, normaliseLabel } from './recognizeChoice';
import { contentWords } from './contentWords';
import { ButtonChoicePrompt } from './buttonChoicePrompt';
import { ONBOARDING_DIALOG, OnboardingDialog } from './onboardingDialog';

export const ROOT_DIALOG = 'rootDialog';
const FLOW = 'rootDialog.flow';

/**
 * The whole conversation: onboarding once, then the menu. Before any inner dialog sees a message, it checks for
 * interruptions — a concern the bot filed from this turn's text, "help", "language", "menu" in any of our languages — the
 * way core-bot's CancelAndHelpDialog does.
 */
export class RootDialog extends ComponentDialog {
  constructor(
    private readonly deps: DialogDeps,
    dialogs: { menu: Dialog; helpNow: Dialog },
  ) {
    super(ROOT_DIALOG);
    this.addDialog(new OnboardingDialog(deps));
    this.addDialog(new LanguageDialog(deps));
    this.addDialog(dialogs.menu);
    this.addDialog(dialogs.helpNow);
    this.addDialog(new WaterfallDialog(FLOW, [this.onboard.bind(this), this.menu.bind(this)]));
    this.initialDialogId = FLOW;
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onBeginDialog(innerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const facts = turnFacts(innerDc.context);
    if (facts.filed) {
      // The concern is already stored; help comes on top of whatever was running, which resumes after.
      if (innerDc.activeDialog) return innerDc.beginDialog(HELP_NOW_DIALOG);
      await innerDc.beginDialog(HELP_NOW_DIALOG);
      return innerDc.beginDialog(FLOW);
    }
    const raw = innerDc.context.activity.text ?? '';
    if (!innerDc.activeDialog || !raw.trim()) return undefined;
    const command = this.command(innerDc, raw, facts.profile);
    // An answer to the question on screen is an answer, even if it is also a command word elsewhere (Filipino
    // "hindi" means "no"; a "Back" button is also the word for the menu). Asked only of command words: finding
    // the question on screen builds a dialog context for every level of the stack.
    if (!command || ButtonChoicePrompt.accepts(deepest(innerDc), raw)) return undefined;
    if (command === 'help') return innerDc.beginDialog(HELP_NOW_DIALOG);
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(FLOW, command === 'language' ? { language: true } : undefined);
  }

  /** Which command, if any, the message is: help at any time, language unless choosing one, menu once onboarded. */
  private command(dc: DialogContext, raw: string, profile: ChildProfile): 'help' | 'language' | 'menu' | undefined {
    const text = normaliseInput(raw);
    const said = (list: 'helpWords' | 'menuWords') => contentWords(this.deps.content, profile.language ?? 'en', list).has(text);
    if (said('helpWords')) return 'help';
    if ((raw.includes('🌐') || this.isLanguageWord(text)) && !inDialog(dc, LANGUAGE_DIALOG)) return 'language';
    if (said('menuWords') && profile.onboarded) return 'menu';
    return undefined;
  }

  private isLanguageWord(text: string): boolean {
    this.languageWords ??= new Set(Object.values(this.deps.content.meta).flatMap((m) => m.languageWords.map(normaliseLabel)));
    return this.languageWords.has(text);
  }
  private languageWords?: Set<string>;

  private async onboard(step: WaterfallStepContext) {
    const { profile } = turnFacts(step.context);
    if (!profile.onboarded) return step.beginDialog(ONBOARDING_DIALOG);
    if ((step.options as { language?: boolean })?.language) return step.beginDialog(LANGUAGE_DIALOG);
    return step.next();
  }

  private async menu(step: WaterfallStepContext) {
    return step.replaceDialog(MAIN_MENU_DIALOG);
  }
}

/** The dialog context of the innermost running dialog (each level down builds a new DialogContext). */
export function deepest(dc: DialogContext): DialogContext {
  let d = dc;
  while (d.child) d = d.child;
  return d;
}

/** Whether `id` is active anywhere in the stack below this dialog context. */
function inDialog(dc: DialogContext, id: string): boolean {
  for (let d: DialogContext | undefined = dc; d; d = d.child) if (d.activeDialog?.id === id) return true;
  return false;
}
