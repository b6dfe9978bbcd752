import { ComponentDialog, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { ButtonChoicePrompt } from './buttonChoicePrompt';
import { turnFacts } from './childProfile';
import { DialogDeps, wordsFor } from './dialogDeps';

export const FACILITY_DIALOG = 'facilityDialog';
const CHOICE = 'facilityDialog.choice';
const CODE = 'facilityDialog.code';
const CODE_ENTRY = '_code';
const NO_SAY = '_none';
// More homes than this are not listed as buttons: the child types the code from the poster instead.
const MAX_LISTED = 8;

/**
 * Which home the child is in (or was in, if they left care): from a short list, by the code on the poster, or
 * "I don't want to say", which is respected and not asked again. Never forced.
 */
export class FacilityDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(FACILITY_DIALOG);
    this.addDialog(new WaterfallDialog(`${FACILITY_DIALOG}.steps`, [this.ask.bind(this), this.code.bind(this), this.lookUp.bind(this)]));
    this.initialDialogId = `${FACILITY_DIALOG}.steps`;
    this.addDialog(new ButtonChoicePrompt(CHOICE));
    this.addDialog(new TextPrompt(CODE));
  }

  private async ask(step: WaterfallStepContext) {
    turnFacts(step.context).profile.facilityAsked = true;
    const { t, lng } = wordsFor(this.deps, step.context, 'survey');
    const all = await this.deps.facilities.list();
    const listed = all.length <= MAX_LISTED ? all.map((f) => ({ value: f.id, title: f.name, synonyms: [f.id] })) : [];
    const options = [...listed, { value: CODE_ENTRY, title: t('typeCode') }, { value: NO_SAY, title: t('noSay') }];
    return step.prompt(CHOICE, ButtonChoicePrompt.ask({ text: t('askFacility'), options, retryText: this.deps.content.t(lng)('notUnderstood') }));
  }

  private async code(step: WaterfallStepContext) {
    if (step.result === NO_SAY) return step.endDialog();
    if (step.result !== CODE_ENTRY) {
      turnFacts(step.context).profile.facilityId = step.result as string;
      return step.endDialog();
    }
    return step.prompt(CODE, wordsFor(this.deps, step.context, 'survey').t('codePrompt'));
  }

  private async lookUp(step: WaterfallStepContext) {
    const code = String(step.result).trim().toLowerCase().replace(/\s+/g, '-');
    const facility = /^[a-z0-9][a-z0-9-]{0,62}$/.test(code) ? await this.deps.facilities.get(code) : undefined;
    if (facility) turnFacts(step.context).profile.facilityId = facility.id;
    else await step.context.sendActivity(wordsFor(this.deps, step.context, 'survey').t('codeNotFound'));
    return step.endDialog();
  }
}
