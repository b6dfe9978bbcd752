import { Activity, ActivityTypes, TurnContext } from 'botbuilder';
import { TextSealer } from '../../../core/privacy/textSealer';
import { openJson, sealJson } from '../../../core/cases/sealedJson';
import { Logger } from '../../logger';
import { ActivityBus } from './store/activityBus';
import { ConversationLog, ConversationRecord } from './store/conversationLog';
import { ClientActivity, StoredActivity, storedActivitySchema } from './activitySchemas';
import { DirectLineAdapter } from './directLineAdapter';
import { DirectLineTokens } from './tokens';

export const BOT_ACCOUNT = { id: 'heard-bot', name: 'heard', role: 'bot' };

export interface ConversationsDeps {
  log: ConversationLog;
  bus: ActivityBus;
  sealer: TextSealer;
  tokens: DirectLineTokens;
  /** One turn of the bot (HeardBot.run). */
  run(context: TurnContext): Promise<void>;
  onTurnError?(context: TurnContext, error: Error): Promise<void>;
  /** Last touch to what the bot sends before it is stored (e.g. the kiosk's pictogram tags). */
  decorate?(activity: Partial<Activity>): Partial<Activity>;
  logger: Logger;
  serviceUrl: string;
}

/**
 * Direct Line conversations: their sealed activity logs, the bot's turns run in process (one at a time per
 * conversation in this instance), and a nudge on the bus whenever a log grows.
 */
export class DirectLineConversations {
  private readonly adapter: DirectLineAdapter;
  private readonly queues = new Map<string, Promise<void>>();
  private readonly background = new Set<Promise<void>>();

  constructor(private readonly deps: ConversationsDeps) {
    this.adapter = new DirectLineAdapter((activity) => this.append(activity));
    if (deps.onTurnError) this.adapter.onTurnError = deps.onTurnError;
  }

  /** Starts a conversation unless it exists; a new one gets a conversationUpdate, so the bot greets first. */
  async start(record: ConversationRecord): Promise<boolean> {
    if (!(await this.deps.log.create(record))) return false;
    const userId = this.deps.tokens.userIdFor(record.id);
    const update: Partial<Activity> = {
      ...this.envelope(record),
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: userId, name: '' }],
    };
    // The client is answered at once; the greeting reaches it through the log.
    const turn = this.turn(record.id, update).catch((err: unknown) =>
      this.deps.logger.error({ err }, 'direct line greeting failed'),
    );
    this.background.add(turn);
    void turn.finally(() => this.background.delete(turn));
    return true;
  }

  get(id: string): Promise<ConversationRecord | undefined> {
    return this.deps.log.get(id);
  }

  /** Logs what the client posted (a message is echoed to the client as Direct Line does) and runs the bot's turn. */
  async post(record: ConversationRecord, incoming: ClientActivity): Promise<string> {
    if (incoming.type === 'endOfConversation') {
      await this.end(record.id);
      // The bot hears of it too (nothing it says reaches the ended log), so it may forget the conversation's state.
      await this.turn(record.id, { ...this.envelope(record), type: ActivityTypes.EndOfConversation });
      return `${record.id}|end`;
    }
    const activity: Partial<Activity> = {
      ...this.envelope(record),
      type: incoming.type,
      text: incoming.text,
      value: incoming.value,
      name: incoming.name,
      locale: incoming.locale ?? record.locale,
      channelData: incoming.channelData?.clientActivityID
        ? { clientActivityID: incoming.channelData.clientActivityID }
        : undefined,
    };
    let id = `${record.id}|${incoming.type}`;
    if (incoming.type === 'message') id = (await this.append(activity)) ?? id;
    else if (incoming.type === 'typing') return id;
    await this.turn(record.id, {
      ...activity,
      id,
      channelData: { ...activity.channelData, kiosk: true, facilityId: record.facilityId },
    });
    return id;
  }

  /** Activities from `from` on, with the watermark to continue from. */
  async read(id: string, from: number): Promise<{ activities: StoredActivity[]; watermark: number }> {
    const { entries, next } = await this.deps.log.read(id, from);
    const activities = entries.map((entry, i) => ({
      ...openJson(this.deps.sealer, entry, context(id), storedActivitySchema),
      id: activityId(id, from + i),
    }));
    return { activities, watermark: next };
  }

  /** Ends a conversation: the log is dropped at once and any open stream is closed. */
  async end(id: string): Promise<void> {
    await this.deps.log.end(id);
    await this.deps.bus.publish(id, 'ended');
  }

  /** Waits for greetings still running (shutdown, tests). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.background]);
  }

  private envelope(record: ConversationRecord): Partial<Activity> {
    return {
      channelId: 'directline',
      serviceUrl: this.deps.serviceUrl,
      from: { id: this.deps.tokens.userIdFor(record.id), name: '', role: 'user' },
      recipient: BOT_ACCOUNT,
      conversation: { id: record.id, isGroup: false, conversationType: 'personal', name: '' },
      locale: record.locale,
      timestamp: new Date(),
    };
  }

  private async append(activity: Partial<Activity>): Promise<string | undefined> {
    const conversationId = activity.conversation?.id;
    if (!conversationId) return undefined;
    const stored = { ...(this.deps.decorate?.(activity) ?? activity) };
    delete stored.serviceUrl;
    const index = await this.deps.log.append(
      conversationId,
      sealJson(this.deps.sealer, stored, context(conversationId)),
    );
    if (index === undefined) return undefined;
    await this.deps.bus.publish(conversationId, 'activity');
    return activityId(conversationId, index);
  }

  /** Turns of one conversation run in order in this instance, so state written by one is read by the next. */
  private turn(conversationId: string, activity: Partial<Activity>): Promise<void> {
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(() => this.adapter.process(activity, (ctx) => this.deps.run(ctx)));
    this.queues.set(conversationId, next);
    void next
      .finally(() => {
        if (this.queues.get(conversationId) === next) this.queues.delete(conversationId);
      })
      .catch(() => undefined);
    return next;
  }
}

const context = (conversationId: string) => `directline:${conversationId}`;
const activityId = (conversationId: string, index: number) =>
  `${conversationId}|${String(index).padStart(7, '0')}`;
