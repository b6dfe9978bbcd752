import {
  Activity,
  ActivityTypes,
  BotAdapter,
  ConversationReference,
  ResourceResponse,
  TurnContext,
} from 'botbuilder';

/** Stores one outgoing activity in its conversation's log; resolves to its id, or undefined if the conversation ended. */
export type Deliver = (activity: Partial<Activity>) => Promise<string | undefined>;

/** The longest pause a bot may ask for with a `delay` activity; longer ones are cut, not waited out. */
const MAX_DELAY_MS = 2000;

/**
 * Runs the bot in this process for Direct Line: no HTTP loop to /api/messages. What the bot sends is appended to the
 * conversation's log (and from there reaches the client's WebSocket or its next poll).
 */
export class DirectLineAdapter extends BotAdapter {
  constructor(private readonly deliver: Deliver) {
    super();
  }

  /** Runs one incoming activity through the middleware and the bot's logic. */
  async process(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await new Promise((r) => setTimeout(r, Math.min(Number(activity.value) || 0, MAX_DELAY_MS)));
        responses.push({ id: '' });
        continue;
      }
      if (activity.type === ActivityTypes.Trace || activity.type === ActivityTypes.InvokeResponse) {
        responses.push({ id: '' });
        continue;
      }
      const id = await this.deliver({ ...activity, channelId: 'directline', timestamp: new Date() });
      responses.push({ id: id ?? '' });
    }
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('Direct Line here does not update sent activities');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('Direct Line here does not delete sent activities');
  }

  /** Proactive messages: a turn for an existing conversation, from its reference. */
  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
