import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface ConnectorCall {
  conversationId: string;
  activity: { type: string; text?: string; locale?: string; suggestedActions?: unknown; attachments?: unknown[] };
}

/** A Bot Framework channel connector on loopback: records the activities a bot sends to it. */
export async function startFakeConnector() {
  const calls: ConnectorCall[] = [];
  const server = http.createServer((req, res) => {
    const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.method !== 'POST' || !match) {
        res.statusCode = 404;
        return res.end('{}');
      }
      calls.push({ conversationId: decodeURIComponent(match[1]), activity: JSON.parse(body) });
      res.end(JSON.stringify({ id: `a${calls.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
