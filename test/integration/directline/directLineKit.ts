import { RunningApp } from '../../support/testApp';

export interface DlActivity {
  id: string;
  type: string;
  text?: string;
  locale?: string;
  from: { id: string; role?: string };
  suggestedActions?: {
    actions: { title: string; value: string; channelData?: { heard?: Record<string, string> } }[];
  };
  [key: string]: unknown;
}

/** Creates and enrols a kiosk device on a running app; its device key. */
export async function enrolledDeviceKey(running: RunningApp, facilityId = 'demo-facility'): Promise<string> {
  const { enrolmentCode } = await running.heard.devices.create(facilityId, 'Test tablet');
  const enrolled = await running.heard.devices.enrol(enrolmentCode);
  if (!enrolled) throw new Error('enrolment failed');
  return enrolled.deviceKey;
}

export async function call(
  url: string,
  path: string,
  init: { method?: string; bearer?: string; body?: unknown } = {},
) {
  const res = await fetch(`${url}/v3/directline${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.bearer ? { authorization: `Bearer ${init.bearer}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** tokens/generate then POST conversations: a started conversation and its token. */
export async function startConversation(url: string, deviceKey: string, locale?: string) {
  const generated = await call(url, '/tokens/generate', { method: 'POST', bearer: deviceKey });
  if (generated.status !== 200) throw new Error(`tokens/generate answered ${generated.status}`);
  const started = await call(url, '/conversations', {
    bearer: generated.body.token,
    body: locale ? { locale } : {},
  });
  if (started.status !== 201) throw new Error(`conversations answered ${started.status}`);
  return started.body as { conversationId: string; token: string; expires_in: number; streamUrl: string };
}

/** Polls GET activities until `done` holds of everything from `watermark` on (or fails after `ms`). */
export async function pollUntil(
  url: string,
  conv: { conversationId: string; token: string },
  done: (activities: DlActivity[]) => boolean,
  watermark = 0,
  ms = 8000,
): Promise<{ activities: DlActivity[]; watermark: number }> {
  const until = Date.now() + ms;
  for (;;) {
    const res = await call(url, `/conversations/${conv.conversationId}/activities?watermark=${watermark}`, {
      bearer: conv.token,
    });
    if (res.status !== 200) throw new Error(`GET activities answered ${res.status}`);
    const got = { activities: res.body.activities as DlActivity[], watermark: Number(res.body.watermark) };
    if (done(got.activities)) return got;
    if (Date.now() > until)
      throw new Error(`timed out; got ${JSON.stringify(got.activities.map((a) => a.text))}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const botMessages = (activities: DlActivity[]) =>
  activities.filter((a) => a.type === 'message' && a.from.role === 'bot');
export const buttonTitles = (activities: DlActivity[]) =>
  activities.flatMap((a) => a.suggestedActions?.actions.map((x) => x.title) ?? []);
