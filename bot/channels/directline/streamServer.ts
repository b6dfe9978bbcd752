import { IncomingMessage, Server } from 'node:http';
import { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { Logger } from '../../logger';
import { watermarkSchema } from './activitySchemas';
import { DirectLineConversations } from './conversations';
import { ActivityBus } from './store/activityBus';
import { DirectLineTokens } from './tokens';
import { DIRECT_LINE_BASE } from './directLineRoutes';

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_BASE}/conversations/([A-Za-z0-9_-]{1,64})/stream$`);
const PING_MS = 30_000;

export interface StreamDeps {
  conversations: DirectLineConversations;
  bus: ActivityBus;
  tokens: DirectLineTokens;
  logger: Logger;
}

/**
 * Direct Line's WebSocket stream. Each socket sends `{activities, watermark}` as its conversation's log grows: a
 * nudge on the bus (from any instance) makes it read the log from the last watermark it sent.
 */
export class StreamServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });

  constructor(private readonly deps: StreamDeps) {}

  /** Serves upgrades on this HTTP server, and closes its sockets when the server closes (or it would wait forever). */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.upgrade(req, socket, head).catch((err: unknown) => {
        this.deps.logger.warn({ err }, 'direct line stream upgrade failed');
        reject(socket, 500);
      });
    });
    const close = server.close.bind(server);
    server.close = ((callback?: (err?: Error) => void) => {
      this.goAway();
      return close(callback);
    }) as Server['close'];
  }

  /** Asks every client to reconnect (to another instance), then cuts the ones that do not go. */
  goAway(): void {
    for (const ws of this.wss.clients) {
      ws.close(1001, 'server going away');
      setTimeout(() => ws.terminate(), 1000).unref();
    }
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise((resolve) => this.wss.close(resolve));
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return reject(socket, 404);
    const claims = this.deps.tokens.verify(url.searchParams.get('t') ?? '', 'stream');
    if (!claims || claims.conversationId !== match[1]) return reject(socket, 401);
    const watermark = watermarkSchema.safeParse(url.searchParams.get('watermark') ?? undefined);
    if (!watermark.success) return reject(socket, 400);
    if (!(await this.deps.conversations.get(claims.conversationId))) return reject(socket, 404);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.serve(ws, claims.conversationId, watermark.data).catch((err: unknown) => {
        this.deps.logger.warn({ err }, 'direct line stream failed');
        ws.close(1011, 'stream failed');
      });
    });
  }

  private async serve(ws: WebSocket, conversationId: string, from: number): Promise<void> {
    let sent = from;
    let pulling: Promise<void> = Promise.resolve();
    const pull = () => {
      pulling = pulling
        .then(async () => {
          const { activities, watermark } = await this.deps.conversations.read(conversationId, sent);
          if (activities.length > 0 && ws.readyState === WebSocket.OPEN)
            ws.send(JSON.stringify({ activities, watermark: String(watermark) }));
          sent = watermark;
        })
        .catch((err: unknown) => this.deps.logger.warn({ err }, 'direct line stream read failed'));
    };
    let alive = true;
    ws.on('pong', () => (alive = true));
    // Clients ping with empty messages (directlinejs does); nothing a client sends here is read.
    const ping = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, PING_MS);
    ping.unref();
    const subscribed = this.deps.bus.subscribe(conversationId, (notice) =>
      notice === 'ended' ? ws.close(1000, 'conversation ended') : pull(),
    );
    ws.once('close', () => {
      clearInterval(ping);
      subscribed.then((stop) => stop()).catch(() => undefined);
    });
    await subscribed;
    // Subscribed first, read second: nothing appended in between is missed.
    if (ws.readyState === WebSocket.OPEN) pull();
  }
}

function reject(socket: Duplex, status: number): void {
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    );
  socket.destroy();
}
