import { HttpClient } from '../httpClient';
import { Recorder } from '../latency';
import { ChildChannel, Reply, toReply } from './child';

const BASE = '/v3/directline';
const REPLY_TIMEOUT_MS = 10_000;
const POLL_MS = 5;

interface DlActivity {
  type?: string;
  text?: string;
  from?: { role?: string };
}

/**
 * A child on the kiosk, over Direct Line 3.0 REST with polling: tokens/generate with the tablet's device key, start a
 * conversation, then for each turn POST the message and GET activities from the watermark until the bot's answer is
 * there. A turn is timed from the POST to the GET that returns the answer.
 */
export class DirectLineChild implements ChildChannel {
  private conversationId = '';
  private token = '';
  private watermark = 0;

  constructor(
    private readonly http: HttpClient,
    private readonly recorder: Recorder,
    private readonly deviceKey: string,
  ) {}

  async begin(): Promise<Reply> {
    let started = performance.now();
    const generated = await this.http.json<{ conversationId: string; token: string }>(
      'POST',
      `${BASE}/tokens/generate`,
      {},
      this.auth(this.deviceKey),
    );
    this.recorder.record('dl_token', started);
    this.token = generated.token;
    started = performance.now();
    const conv = await this.http.json<{ conversationId: string }>(
      'POST',
      `${BASE}/conversations`,
      {},
      this.auth(this.token),
      [201],
    );
    this.conversationId = conv.conversationId;
    // The greeting runs after the 201, so it is waited for like any answer.
    const reply = await this.answer(started, (r) => r.buttons.length > 0);
    this.recorder.record('greet', started);
    return reply;
  }

  async say(step: string, text: string): Promise<Reply> {
    const started = performance.now();
    await this.http.json(
      'POST',
      `${BASE}/conversations/${this.conversationId}/activities`,
      { type: 'message', text, from: { id: 'child' } },
      this.auth(this.token),
    );
    const reply = await this.answer(started, (r) => r.texts.length > 0);
    this.recorder.record(step, started);
    return reply;
  }

  /** Polls the log from the watermark until the bot's messages satisfy `done`. */
  private async answer(started: number, done: (r: Reply) => boolean): Promise<Reply> {
    const seen: DlActivity[] = [];
    for (;;) {
      const page = await this.http.json<{ activities: DlActivity[]; watermark: string }>(
        'GET',
        `${BASE}/conversations/${this.conversationId}/activities?watermark=${this.watermark}`,
        undefined,
        this.auth(this.token),
      );
      this.watermark = Number(page.watermark);
      seen.push(...page.activities.filter((a) => a.from?.role === 'bot'));
      const reply = toReply(seen);
      if (done(reply)) return reply;
      if (performance.now() - started > REPLY_TIMEOUT_MS)
        throw new Error(`no answer within ${REPLY_TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  private auth(bearer: string) {
    return { authorization: `Bearer ${bearer}` };
  }
}
