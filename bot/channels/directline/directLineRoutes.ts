import { randomBytes } from 'node:crypto';
import express, { Request, Response, Router } from 'express';
import { z } from 'zod';
import { DeviceRegistry } from '../../../core/devices/deviceRegistry';
import { clientActivitySchema, problemOf, startBodySchema, watermarkSchema } from './activitySchemas';
import { DirectLineConversations } from './conversations';
import { DirectLineTokens, TokenClaims } from './tokens';

export const DIRECT_LINE_BASE = '/v3/directline';

export interface DirectLineRouteDeps {
  conversations: DirectLineConversations;
  tokens: DirectLineTokens;
  devices: DeviceRegistry;
  /** The public origin (PUBLIC_URL) for stream URLs; the request's own host when absent. */
  publicUrl?: string;
}

/**
 * Direct Line 3.0's REST surface under /v3/directline, as Microsoft's clients use it. A device key buys a
 * conversation token at `tokens/generate`; everything else takes that token, bound to one conversation.
 */
export function directLineRoutes(deps: DirectLineRouteDeps): Router {
  const { conversations, tokens, devices } = deps;
  const router = Router();
  router.use(DIRECT_LINE_BASE, (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  router.use(DIRECT_LINE_BASE, express.json({ limit: '16kb' }));

  router.post(`${DIRECT_LINE_BASE}/tokens/generate`, async (req, res) => {
    const key = bearer(req);
    if (!key) return fail(res, 401, 'missing bearer device key');
    if (DirectLineTokens.looksLikeToken(key))
      return fail(res, 403, 'tokens/generate takes a device key, not a token');
    if (!parse(startBodySchema, req.body ?? {}, res)) return;
    const check = await devices.verify(key);
    if (!check.ok)
      return fail(
        res,
        check.reason === 'revoked' ? 403 : 401,
        check.reason === 'revoked' ? 'device revoked' : 'unknown device key',
      );
    const claims = {
      conversationId: randomBytes(16).toString('base64url'),
      deviceId: check.device.id,
      facilityId: check.device.facilityId,
    };
    const { token, expiresIn } = tokens.issue('conversation', claims);
    res.json({ conversationId: claims.conversationId, token, expires_in: expiresIn });
  });

  router.post(`${DIRECT_LINE_BASE}/tokens/refresh`, async (req, res) => {
    const claims = await authorise(req, res);
    if (!claims) return;
    const { token, expiresIn } = tokens.issue('conversation', claims);
    res.json({ conversationId: claims.conversationId, token, expires_in: expiresIn });
  });

  router.post(`${DIRECT_LINE_BASE}/conversations`, async (req, res) => {
    const claims = await authorise(req, res);
    if (!claims) return;
    const body = parse(startBodySchema, req.body ?? {}, res);
    if (!body) return;
    const { conversationId, deviceId, facilityId } = claims;
    const created = await conversations.start({
      id: conversationId,
      deviceId,
      facilityId,
      locale: body.locale,
      startedAt: new Date().toISOString(),
    });
    if (!created && !(await conversations.get(conversationId)))
      return fail(res, 404, 'conversation ended or expired');
    res.status(created ? 201 : 200).json(describe(req, claims, 0));
  });

  router.get(`${DIRECT_LINE_BASE}/conversations/:id`, async (req, res) => {
    const claims = await authorise(req, res, req.params.id);
    if (!claims || !(await live(claims, res))) return;
    const watermark = parse(watermarkSchema, req.query.watermark, res);
    if (watermark === undefined) return;
    res.json(describe(req, claims, watermark));
  });

  router.get(`${DIRECT_LINE_BASE}/conversations/:id/activities`, async (req, res) => {
    // Polled every second or so: the device is checked when the client starts, refreshes and posts.
    const claims = await authorise(req, res, req.params.id, false);
    if (!claims || !(await live(claims, res))) return;
    const watermark = parse(watermarkSchema, req.query.watermark, res);
    if (watermark === undefined) return;
    const read = await conversations.read(claims.conversationId, watermark);
    res.json({ activities: read.activities, watermark: String(read.watermark) });
  });

  router.post(`${DIRECT_LINE_BASE}/conversations/:id/activities`, async (req, res) => {
    const claims = await authorise(req, res, req.params.id);
    if (!claims) return;
    const record = await live(claims, res);
    if (!record) return;
    const activity = parse(clientActivitySchema, req.body, res);
    if (!activity) return;
    res.json({ id: await conversations.post(record, activity) });
  });

  /**
   * The conversation token's claims, or an answer already sent: 401 without a valid token, 403 for another
   * conversation or (where `checkDevice`) a device revoked since the token was issued.
   */
  async function authorise(
    req: Request,
    res: Response,
    conversationId?: string,
    checkDevice = true,
  ): Promise<(TokenClaims & { expiresIn: number }) | undefined> {
    const value = bearer(req);
    const claims = value ? tokens.verify(value, 'conversation') : undefined;
    if (!claims)
      return void fail(
        res,
        401,
        value && !DirectLineTokens.looksLikeToken(value)
          ? 'exchange the device key at tokens/generate'
          : 'invalid or expired token',
      );
    if (conversationId !== undefined && conversationId !== claims.conversationId)
      return void fail(res, 403, 'token is for another conversation');
    if (checkDevice && (await devices.get(claims.deviceId))?.status !== 'active')
      return void fail(res, 403, 'device revoked');
    return claims;
  }

  async function live(claims: TokenClaims, res: Response) {
    const record = await conversations.get(claims.conversationId);
    if (!record) fail(res, 404, 'unknown, ended or expired conversation');
    return record;
  }

  function describe(req: Request, claims: TokenClaims & { expiresIn: number }, watermark: number) {
    const origin = deps.publicUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.get('host')}`;
    const streamToken = tokens.issue('stream', claims).token;
    const path = `${DIRECT_LINE_BASE}/conversations/${encodeURIComponent(claims.conversationId)}/stream`;
    return {
      conversationId: claims.conversationId,
      token: bearer(req),
      expires_in: claims.expiresIn,
      streamUrl: `${origin.replace(/^http/, 'ws')}${path}?watermark=${watermark}&t=${encodeURIComponent(streamToken)}`,
    };
  }

  return router;
}

function bearer(req: Request): string | undefined {
  return /^Bearer ([A-Za-z0-9._~+/=-]{8,2048})$/.exec(req.get('authorization') ?? '')?.[1];
}

function fail(res: Response, status: number, reason: string): void {
  res.status(status).json({ error: reason });
}

function parse<T>(schema: z.ZodType<T>, value: unknown, res: Response): T | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  fail(res, 400, problemOf(parsed.error));
  return undefined;
}
