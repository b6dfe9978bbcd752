import { Activity } from './activity';

const BASE = '/v3/directline';
const REFRESH_MS = 15 * 60_000;

/** The device key was refused (unknown or revoked): the tablet is no longer set up. */
export class DeviceRefused extends Error {}
/**
 * The conversation cannot go on: ended or expired on the server, or its token refused. Starting a new one asks with
 * the device key again, which tells whether the tablet is still set up.
 */
export class ConversationGone extends Error {}

export interface ConversationEvents {
  activities(activities: Activity[]): void;
  connected(online: boolean): void;
  /** The conversation cannot go on (see ConversationGone). */
  failed(error: ConversationGone): void;
}

/** Every request: never cached, no cookies, no referrer. */
async function request(
  path: string,
  bearer: string,
  init: { method?: string; body?: unknown; keepalive?: boolean } = {},
) {
  const res = await fetch(BASE + path, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    cache: 'no-store',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    keepalive: init.keepalive,
  });
  if (res.status === 401 || res.status === 403 || res.status === 404) {
    throw path === '/tokens/generate'
      ? new DeviceRefused(String(res.status))
      : new ConversationGone(String(res.status));
  }
  if (!res.ok) throw new Error(`Direct Line answered ${res.status}`);
  return res.json() as Promise<Record<string, unknown>>;
}

/**
 * One Direct Line conversation as the kiosk holds it: a token from the device key, a WebSocket stream that is
 * re-opened (from the last watermark) when it drops, and a token refresh every 15 minutes.
 */
export class Conversation {
  private watermark = '0';
  private socket?: WebSocket;
  private closed = false;
  private retryMs = 500;
  private readonly refresh: number;
  private sent = 0;

  private constructor(
    readonly id: string,
    private token: string,
    private readonly events: ConversationEvents,
  ) {
    this.refresh = window.setInterval(() => void this.refreshToken(), REFRESH_MS);
  }

  static async start(deviceKey: string, locale: string, events: ConversationEvents): Promise<Conversation> {
    const generated = await request('/tokens/generate', deviceKey, { method: 'POST', body: {} });
    const conversation = new Conversation(String(generated.conversationId), String(generated.token), events);
    const started = await request('/conversations', conversation.token, { method: 'POST', body: { locale } });
    conversation.open(String(started.streamUrl));
    return conversation;
  }

  async send(text: string, locale: string): Promise<void> {
    const body = {
      type: 'message',
      text,
      locale,
      channelData: { clientActivityID: `${this.id}-${++this.sent}` },
    };
    try {
      await request(`/conversations/${encodeURIComponent(this.id)}/activities`, this.token, {
        method: 'POST',
        body,
      });
    } catch (err) {
      if (err instanceof ConversationGone) this.events.failed(err);
      throw err;
    }
  }

  /** Ends the conversation on the server (its log is dropped); survives the page being replaced. */
  end(): void {
    if (this.closed) return;
    const path = `/conversations/${encodeURIComponent(this.id)}/activities`;
    request(path, this.token, { method: 'POST', body: { type: 'endOfConversation' }, keepalive: true }).catch(
      () => undefined,
    );
    this.close();
  }

  /** Stops listening without ending. */
  close(): void {
    this.closed = true;
    window.clearInterval(this.refresh);
    this.socket?.close(1000);
  }

  private open(streamUrl: string): void {
    if (this.closed) return;
    const socket = new WebSocket(streamUrl);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = 500;
      this.events.connected(true);
    };
    socket.onmessage = (message: MessageEvent) => {
      if (typeof message.data !== 'string' || !message.data) return;
      const group = JSON.parse(message.data) as { activities?: Activity[]; watermark?: string };
      if (group.watermark) this.watermark = group.watermark;
      if (group.activities?.length) this.events.activities(group.activities);
    };
    socket.onclose = (event: CloseEvent) => {
      if (this.closed || socket !== this.socket) return;
      if (event.code === 1000) return this.events.failed(new ConversationGone());
      this.events.connected(false);
      window.setTimeout(() => void this.reconnect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 15_000);
    };
  }

  private async reconnect(): Promise<void> {
    if (this.closed) return;
    try {
      const again = await request(
        `/conversations/${encodeURIComponent(this.id)}?watermark=${this.watermark}`,
        this.token,
      );
      this.open(String(again.streamUrl));
    } catch (err) {
      if (err instanceof ConversationGone) return this.events.failed(err);
      window.setTimeout(() => void this.reconnect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 15_000);
    }
  }

  private async refreshToken(): Promise<void> {
    try {
      this.token = String((await request('/tokens/refresh', this.token, { method: 'POST' })).token);
    } catch (err) {
      if (err instanceof ConversationGone) this.events.failed(err);
    }
  }
}
