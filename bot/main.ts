import { once } from 'node:events';
import { ConfigError, loadConfig } from './config';
import { makeApp } from './app';

/** Entry point: validate the environment, build the app, listen, and shut down gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const heard = await makeApp(config);
  const server = heard.app.listen(config.PORT);
  await once(server, 'listening');
  const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  heard.log.info({ port: config.PORT, store: heard.stores.kind }, 'heard is listening');
  console.log(`\n  heard is running (${heard.stores.kind === 'memory' ? 'in-memory store: nothing is persisted' : 'Redis store'})\n`);
  console.log(`  Bot Framework endpoint: ${base}/api/messages  (Bot Framework Emulator, no app id needed locally)`);
  if (heard.kioskEnrolPath) console.log(`  Kiosk (demo tablet):    ${base}${heard.kioskEnrolPath}  (one-time link: enrols the first browser that opens it)`);
  if (heard.admin) console.log(`  Admin (monitoring body): ${base}/admin/`);
  if (heard.admin && heard.stores.kind === 'memory' && !config.ADMIN_BOOTSTRAP_EMAIL) {
    const demo = await heard.admin.createDemoAdmin();
    console.log(`    demo sign-in: ${demo.email} / ${demo.password}`);
    console.log(`    TOTP secret:  ${demo.totpSecret}  (add it to an authenticator app: ${demo.otpauthUrl})`);
    console.log(`    or get the current code with: npm run totp -- ${demo.totpSecret}`);
  }
  console.log(`  Health:                 ${base}/healthz\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    heard.log.info({ signal }, 'shutting down: no new requests, finishing turns in progress');
    // server.close waits for in-flight requests (turns) to end; idle keep-alive sockets would hold it open.
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    await closed;
    clearTimeout(force);
    await heard.close();
    heard.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  console.error('heard failed to start:', err);
  process.exit(1);
});
