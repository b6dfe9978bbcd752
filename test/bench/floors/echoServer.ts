import express from 'express';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

/**
 * The framework's own floor: the smallest botbuilder bot on the same adapter heard uses (CloudAdapter, no app id,
 * expectReplies), behind express.json like heard's route. It echoes and keeps no state.
 */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const app = express();
app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
app.post('/api/messages', express.json({ limit: '64kb' }), async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
