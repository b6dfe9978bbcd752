import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../bot/config';
import { HeardApp, makeApp } from '../../bot/app';

export interface RunningApp {
  url: string;
  heard: HeardApp;
  stop(): Promise<void>;
}

/** Starts the real service on a loopback port 0 with the given environment (LOG_LEVEL silent by default). */
export async function startTestApp(env: Record<string, string | undefined> = {}, options: Parameters<typeof makeApp>[1] = {}): Promise<RunningApp> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HEARD_SECRET: 'test-secret-0123456789abcdef0123456789', ...env });
  const heard = await makeApp(config, options);
  const server: Server = await new Promise((resolve) => {
    const s = heard.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    heard,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await heard.close();
    },
  };
}

export function uniquePrefix(): string {
  return `t${randomUUID().slice(0, 8)}:`;
}
