import { ActivityTypes, ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { DialogContext, DialogSet, DialogState } from 'botbuilder-dialogs';
import { DialogDeps } from '../dialogs/dialogDeps';
import { reportBase } from '../dialogs/reportBase';
import { ReportTextPrompt } from '../dialogs/reportTextPrompt';
import { ScreenText, SecondOpinion } from './safeguarding';
import { Content } from '../content/loadContent';
import { languageFromLocale } from '../content/languages';
import { ChildProfile, TurnFacts, setTurnFacts } from '../dialogs/childProfile';
import { deepest, ROOT_DIALOG, RootDialog } from '../dialogs/rootDialog';
import { SecretKeys } from '../core/privacy/secretKeys';
import { pseudonymFor } from '../core/privacy/pseudonym';
import { Metrics } from './metrics';
import { renderForChannel } from './channels/render';
import { DirectLineAdapter } from './channels/directline/directLineAdapter';

/** Safeguarding as the bot needs it: rule screening (synchronous, no model) and durable filing. */
export interface TurnSafeguarding {
  screen: ScreenText;
  fileConcern: DialogDeps['fileConcern'];
  /** A model's second opinion, after the child was answered on the rules; it can only raise the level. */
  secondOpinion?: SecondOpinion;
}

export interface HeardBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  root: RootDialog;
  content: Content;
  keys: SecretKeys;
  metrics: Metrics;
  safeguarding: TurnSafeguarding;
}

/**
 * One turn: pseudonymise → pick language → (screen) → run dialogs → save state once. The raw channel user id is
 * turned into a pseudonym here and nothing after this point reads it.
 */
export class HeardBot {
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly profile: StatePropertyAccessor<ChildProfile>;

  constructor(private readonly deps: HeardBotDeps) {
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.profile = deps.userState.createProperty<ChildProfile>('profile');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(deps.root);
  }

  async run(context: TurnContext): Promise<void> {
    const { activity } = context;
    const end = this.deps.metrics.turnSeconds.startTimer();
    this.deps.metrics.turns.inc({ channel: activity.channelId, type: activity.type });
    try {
      if (activity.type === ActivityTypes.EndOfConversation) {
        // The child left (a kiosk's quick exit or idle wipe): forget the conversation, keep nothing behind.
        await this.deps.conversationState.delete(context);
        await this.deps.userState.delete(context);
        return;
      }
      if (activity.type === ActivityTypes.Message || this.isArrival(context)) await this.converse(context);
      await this.deps.conversationState.saveChanges(context);
      await this.deps.userState.saveChanges(context);
    } catch (err) {
      this.deps.metrics.turnErrors.inc();
      throw err;
    } finally {
      end();
    }
  }

  private async converse(context: TurnContext): Promise<void> {
    const { activity } = context;
    const facts: TurnFacts = {
      pseudonym: pseudonymFor(this.deps.keys, activity.channelId, activity.from.id),
      profile: await this.profile.get(context, {}),
    };
    // A kiosk belongs to one home; only our own Direct Line server can say which (clients cannot set it).
    const kioskFacility = context.adapter instanceof DirectLineAdapter ? (activity.channelData as { facilityId?: string } | undefined)?.facilityId : undefined;
    if (kioskFacility) facts.profile.facilityId = kioskFacility;
    if (!facts.profile.languageChosen) {
      facts.profile.language = languageFromLocale(activity.locale, this.deps.content.languages) ?? facts.profile.language ?? 'en';
    }
    setTurnFacts(context, facts);
    context.onSendActivities(async (_ctx, outgoing, next) => {
      // Mark every message with the language it is in (clients set `lang` and pick a voice), then shape it for
      // the channel: dialogs never know which channel they are on.
      for (const a of outgoing) if (a.type === ActivityTypes.Message) a.locale = facts.profile.language;
      const rendered = outgoing.flatMap((a) => renderForChannel(a, activity.channelId));
      outgoing.splice(0, outgoing.length, ...rendered);
      return next();
    });
    const dc = await this.dialogs.createContext(context);
    if (activity.type === ActivityTypes.Message && activity.text) await this.screen(context, facts, dc, activity.text);
    const result = await dc.continueDialog();
    if (result.status === 'empty') await dc.beginDialog(ROOT_DIALOG);
  }

  /**
   * Screens every message before any dialog sees it. On a risk the concern is stored first (store or spool) and
   * the dialogs answer second — unless a dialog is waiting for the text of a report, which then files it itself.
   */
  private async screen(context: TurnContext, facts: TurnFacts, dc: DialogContext, text: string): Promise<void> {
    const { safeguarding, metrics } = this.deps;
    facts.screening = safeguarding.screen(text, facts.profile.language);
    metrics.screenings.inc({ risk: facts.screening.risk });
    const base = reportBase(context);
    if (facts.screening.risk !== 'none' && !awaitingReportText(dc)) {
      facts.filed = await safeguarding.fileConcern(context, {
        ...base,
        kind: 'concern',
        risk: facts.screening.risk,
        categories: facts.screening.categories,
        reasons: facts.screening.reasons,
        text,
        wantsReply: false,
      });
    }
    safeguarding.secondOpinion?.({ text, base, rules: facts.screening, filed: facts.filed });
  }

  /** A conversationUpdate that adds someone other than the bot: greet them without waiting for a message. */
  private isArrival(context: TurnContext): boolean {
    const { activity } = context;
    return (
      activity.type === ActivityTypes.ConversationUpdate &&
      !!activity.membersAdded?.some((m) => m.id !== activity.recipient.id)
    );
  }
}

/** Whether the innermost active dialog is a prompt collecting the text of a report. */
function awaitingReportText(dc: DialogContext): boolean {
  const inner = deepest(dc);
  const active = inner.activeDialog;
  return !!active && inner.findDialog(active.id) instanceof ReportTextPrompt;
}
