import path from 'node:path';
import compression from 'compression';
import express, { Response, Router } from 'express';
import { z } from 'zod';
import { DeviceRegistry } from '../../../core/devices/deviceRegistry';
import { RateLimiter } from '../../../core/store/types';
import { KioskAssets } from './kioskAssets';
import { kioskPageHeaders } from './kioskHeaders';

const enrolBodySchema = z.object({
  code: z
    .string()
    .min(16)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/, 'not an enrolment code'),
});
const ENROL_ATTEMPTS = 20;
const ENROL_WINDOW_MS = 15 * 60_000;

export interface KioskRouteDeps {
  devices: DeviceRegistry;
  limiter: RateLimiter;
  assets: KioskAssets;
  production: boolean;
}

/** The kiosk under /kiosk: its page, the neutral page quick exit leads to, its hashed assets, and enrolment. */
export function kioskRoutes(deps: KioskRouteDeps): Router {
  const { assets } = deps;
  const router = Router();
  router.use(compression());
  const page = (file: string) => async (_req: unknown, res: Response) => {
    await assets.ready();
    res.type('html').sendFile(path.join(assets.dir, file));
  };
  router.get('/', kioskPageHeaders(deps.production), page('index.html'));
  router.get('/neutral.html', kioskPageHeaders(deps.production), page('neutral.html'));
  // Names carry a content hash, so an asset never changes: cache it for good. Messages are never cached.
  router.use('/assets', (_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff');
    next();
  });
  router.use(
    '/assets',
    express.static(path.join(assets.dir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
    }),
  );

  router.post('/api/enrol', express.json({ limit: '1kb' }), async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const body = enrolBodySchema.safeParse(req.body ?? {});
    if (!body.success) return void res.status(400).json({ error: body.error.issues[0].message });
    if (!(await deps.limiter.hit(`kiosk-enrol:${req.ip}`, ENROL_ATTEMPTS, ENROL_WINDOW_MS))) {
      return void res.status(429).json({ error: 'too many attempts; wait a few minutes' });
    }
    const enrolled = await deps.devices.enrol(body.data.code);
    if (!enrolled)
      return void res.status(400).json({ error: 'this enrolment link is unknown, used or expired' });
    res.json({ deviceKey: enrolled.deviceKey });
  });
  return router;
}
