import { Dialog, DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { DialogDeps, wordsFor } from './dialogDeps';

export const HELP_NOW_DIALOG = 'helpNowDialog';

/** "I need help now": a human helpline for the child's country, at once, without questions first. */
export class HelpNowDialog extends Dialog {
  constructor(private readonly deps: DialogDeps) {
    super(HELP_NOW_DIALOG);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { t, lng } = wordsFor(this.deps, dc.context);
    await dc.context.sendActivity(this.deps.helplines.sentence(t, this.deps.content.meta[lng]?.country));
    return dc.endDialog();
  }
}
