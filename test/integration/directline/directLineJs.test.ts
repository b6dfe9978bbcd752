import { WebSocket } from 'ws';
import { Activity, DirectLine } from 'botframework-directlinejs';
import { RunningApp, startTestApp } from '../../support/testApp';
import { call, enrolledDeviceKey } from './directLineKit';

// Microsoft's client expects a browser: XMLHttpRequest for REST and, for its stream, a global WebSocket.
// eslint-disable-next-line @typescript-eslint/no-require-imports
Object.assign(globalThis, { XMLHttpRequest: require('xhr2'), WebSocket });

type Received = Activity & {
  suggestedActions?: { actions: { title: string; channelData?: { heard?: { menu?: string } } }[] };
};

/** A directlinejs client against our endpoint, recording everything it receives. */
function connect(
  url: string,
  token: string,
  webSocket: boolean,
  resume?: { conversationId: string; watermark: string },
) {
  const dl = new DirectLine({
    token,
    domain: `${url}/v3/directline`,
    webSocket,
    pollingInterval: 200,
    ...resume,
  });
  const received: Received[] = [];
  const sub = dl.activity$.subscribe((a) => received.push(a as Received));
  const texts = () =>
    received
      .filter((a) => a.type === 'message' && a.from.role === 'bot')
      .map((a) => (a as { text?: string }).text ?? '');
  return {
    dl,
    received,
    texts,
    async waitForText(pattern: RegExp, ms = 8000) {
      const until = Date.now() + ms;
      while (!texts().some((t) => pattern.test(t))) {
        if (Date.now() > until)
          throw new Error(`no bot message matching ${pattern}; got ${JSON.stringify(texts())}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    send(text: string): Promise<string> {
      return new Promise((resolve, reject) =>
        dl.postActivity({ type: 'message', from: { id: 'kiosk-user' }, text }).subscribe(resolve, reject),
      );
    },
    /** The watermark the client itself would resume from. */
    watermark: () => (dl as unknown as { watermark: string }).watermark,
    end() {
      sub.unsubscribe();
      dl.end();
    },
  };
}

describe.each([
  ['polling', false],
  ['WebSocket', true],
])('botframework-directlinejs against our Direct Line (%s)', (_mode, webSocket) => {
  let running: RunningApp;
  let token: string;
  beforeAll(async () => {
    running = await startTestApp();
    const generated = await call(running.url, '/tokens/generate', {
      method: 'POST',
      bearer: await enrolledDeviceKey(running),
    });
    token = generated.body.token;
  });
  afterAll(() => running.stop());

  it('gets the greeting, a typed "1" gets the next prompt, and a reconnect resumes at the watermark', async () => {
    const first = connect(running.url, token, webSocket);
    try {
      await first.waitForText(/Hello/);
      await first.waitForText(/Which language/);
      const watermark = first.watermark();
      expect(Number(watermark)).toBeGreaterThan(0);
      const id = await first.send('1');
      expect(id).toMatch(/\|\d{7}$/);
      await first.waitForText(/How old are you/);
    } finally {
      first.end();
    }
    const conversationId = first.received[0].conversation!.id;
    const resumed = connect(running.url, token, webSocket, { conversationId, watermark: first.watermark() });
    try {
      await resumed.send('2');
      await resumed.waitForText(/What would you like to do/);
      expect(resumed.texts().join(' ')).not.toMatch(/Hello|How old are you/);
      const menu = resumed.received
        .flatMap((a) => a.suggestedActions?.actions ?? [])
        .map((a) => a.channelData?.heard?.menu);
      expect(menu).toEqual(['rights', 'views', 'complaint', 'help', 'check']);
    } finally {
      resumed.end();
    }
  });
});
