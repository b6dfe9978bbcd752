import express from 'express';

/** The HTTP floor: express parsing a JSON activity and answering JSON, with no bot framework at all. */
const app = express();
app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
app.post('/api/messages', express.json({ limit: '64kb' }), (req, res) => {
  const text = typeof req.body?.text === 'string' ? req.body.text : '';
  res.json({ activities: [{ type: 'message', text: `echo: ${text}`, replyToId: req.body?.id }] });
});
const server = app.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
