import express, { Router } from 'express';
import { CloudAdapter, TurnContext } from 'botbuilder';
import { Logger } from '../../logger';
import { activityProblem } from './activitySchema';

/**
 * POST /api/messages: the Bot Framework channel (Azure Bot Service, the Emulator). The body is checked here so a
 * malformed activity gets a short 400 rather than botbuilder's 500; 64 KB is far above any real activity.
 */
export function messagesRoute(adapter: CloudAdapter, run: (context: TurnContext) => Promise<void>, log: Logger): Router {
  const router = Router();
  router.post('/api/messages', express.json({ limit: '64kb' }), async (req, res) => {
    const problem = activityProblem(req.body);
    if (problem) {
      res.status(400).json({ error: 'invalid activity', reason: problem });
      return;
    }
    try {
      await adapter.process(req, res, run);
    } catch (err) {
      log.error({ err }, 'bot framework request failed');
      if (!res.headersSent) res.status(500).json({ error: 'internal error' });
    }
  });
  return router;
}
