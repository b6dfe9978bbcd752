import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** What the fake answers to one chat-completions request. */
export type FakeReply =
  | { kind: 'screening'; body: unknown }
  | { kind: 'content'; content: string }
  | { kind: 'status'; status: number }
  | { kind: 'slow'; delayMs: number; body: unknown };

export interface FakeOpenAi {
  baseURL: string;
  requests: { path: string; headers: IncomingMessage['headers']; body: Record<string, unknown> }[];
  reply: FakeReply;
  close(): Promise<void>;
}

function completion(content: string) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 0,
    model: 'test-model',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } }],
  };
}

/** An OpenAI-compatible chat-completions endpoint on loopback, port 0, recording what it is sent. */
export async function startFakeOpenAi(reply: FakeReply): Promise<FakeOpenAi> {
  const fake = { requests: [], reply } as unknown as FakeOpenAi;
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      fake.requests.push({
        path: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString()),
      });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      const current = fake.reply;
      if (current.kind === 'status')
        send(current.status, { error: { message: 'boom', type: 'server_error' } });
      else if (current.kind === 'content') send(200, completion(current.content));
      else if (current.kind === 'screening') send(200, completion(JSON.stringify(current.body)));
      else {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) send(200, completion(JSON.stringify(current.body)));
        }, current.delayMs);
        timers.add(timer);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = async () => {
    for (const timer of timers) clearTimeout(timer);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return fake;
}
