import { randomUUID } from 'node:crypto';

export interface ReplyActivity {
  type: string;
  text?: string;
  locale?: string;
  suggestedActions?: { actions: { title: string; value: string }[] };
  [key: string]: unknown;
}

/**
 * Talks to POST /api/messages like a Bot Framework channel in `expectReplies` mode, so the replies come back in
 * the HTTP response.
 */
export class BotFrameworkClient {
  readonly conversationId = `conv-${randomUUID()}`;
  /** Where the channel's connector listens; a fake connector on loopback receives proactive messages. */
  serviceUrl = 'http://127.0.0.1:9/';

  constructor(
    private readonly baseUrl: string,
    readonly userId = `user-${randomUUID()}`,
    private readonly channelId = 'emulator',
    private readonly locale?: string,
  ) {}

  async send(text: string, extra: Record<string, unknown> = {}): Promise<ReplyActivity[]> {
    return this.post({ type: 'message', text, ...extra });
  }

  async join(): Promise<ReplyActivity[]> {
    return this.post({ type: 'conversationUpdate', membersAdded: [{ id: this.userId }] });
  }

  async post(partial: Record<string, unknown>): Promise<ReplyActivity[]> {
    const res = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: randomUUID(),
        channelId: this.channelId,
        serviceUrl: this.serviceUrl,
        from: { id: this.userId, name: 'A Child' },
        recipient: { id: 'heard-bot' },
        conversation: { id: this.conversationId },
        locale: this.locale,
        deliveryMode: 'expectReplies',
        ...partial,
      }),
    });
    if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { activities: ReplyActivity[] };
    return body.activities.filter((a) => a.type === 'message');
  }
}

export const texts = (replies: ReplyActivity[]) => replies.map((r) => r.text ?? '');
export const buttons = (replies: ReplyActivity[]) => replies.flatMap((r) => r.suggestedActions?.actions.map((a) => a.title) ?? []);
