import { ActivityTypes, ConversationState, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { DialogSet, DialogState } from 'botbuilder-dialogs';
import { Content } from '../content/loadContent';
import { languageFromLocale } from '../content/languages';
import { ChildProfile, TurnFacts, setTurnFacts } from '../dialogs/childProfile';
import { ROOT_DIALOG, RootDialog } from '../dialogs/rootDialog';
import { SecretKeys } from '../core/privacy/secretKeys';
import { pseudonymFor } from '../core/privacy/pseudonym';
import { Metrics } from './metrics';

/** Runs after the turn's facts are known and before dialogs: screening plugs in here. */
export type BeforeDialogs = (context: TurnContext, facts: TurnFacts) => Promise<void>;

export interface HeardBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  root: RootDialog;
  content: Content;
  keys: SecretKeys;
  metrics: Metrics;
  beforeDialogs?: BeforeDialogs;
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
    if (!facts.profile.languageChosen) {
      facts.profile.language = languageFromLocale(activity.locale, this.deps.content.languages) ?? facts.profile.language ?? 'en';
    }
    setTurnFacts(context, facts);
    context.onSendActivities(async (_ctx, outgoing, next) => {
      // Mark every message with the language it is in, so clients can set `lang` and pick a voice.
      for (const a of outgoing) if (a.type === ActivityTypes.Message) a.locale = facts.profile.language;
      return next();
    });
    if (activity.type === ActivityTypes.Message && activity.text && this.deps.beforeDialogs) {
      await this.deps.beforeDialogs(context, facts);
    }
    const dc = await this.dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === 'empty') await dc.beginDialog(ROOT_DIALOG);
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
