import { randomUUID } from 'node:crypto';
import { HttpClient } from '../httpClient';
import { Recorder } from '../latency';
import { ChildChannel, Reply, toReply } from './child';

/** The activity a Bot Framework channel posts, in expectReplies mode so the answer comes back in the response. */
export function messageActivity(conversationId: string, userId: string, text: string, channelId: string) {
  return {
    type: 'message',
    id: randomUUID(),
    text,
    channelId,
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: userId, name: 'A Child' },
    recipient: { id: 'heard-bot' },
    conversation: { id: conversationId },
    deliveryMode: 'expectReplies',
  };
}

/** A child on a messaging app: POST /api/messages with expectReplies (as Azure Bot Service would, without auth). */
export class BotFrameworkChild implements ChildChannel {
  private readonly conversationId = `bench-${randomUUID()}`;
  private readonly userId = `child-${randomUUID()}`;

  constructor(
    private readonly http: HttpClient,
    private readonly recorder: Recorder,
    private readonly channelId = 'telegram',
  ) {}

  begin(hello: string): Promise<Reply> {
    return this.say('greet', hello);
  }

  async say(step: string, text: string): Promise<Reply> {
    const started = performance.now();
    const body = await this.http.json<{ activities?: object[] }>(
      'POST',
      '/api/messages',
      messageActivity(this.conversationId, this.userId, text, this.channelId),
    );
    this.recorder.record(step, started);
    return toReply(body?.activities ?? []);
  }
}
