import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** A conversation token is what a Direct Line client holds; a stream token only opens the WebSocket (it is in a URL). */
export type TokenKind = 'conversation' | 'stream';

const claimsSchema = z.object({
  k: z.enum(['conversation', 'stream']),
  c: z.string().min(1).max(64),
  d: z.string().min(1).max(80),
  f: z.string().min(1).max(64),
  e: z.number().int(),
});

export interface TokenClaims {
  conversationId: string;
  deviceId: string;
  facilityId: string;
}

export const CONVERSATION_TOKEN_SECONDS = 30 * 60;
export const STREAM_TOKEN_SECONDS = 2 * 60;
const PREFIX = 'dl1.';

/**
 * Signed, self-contained tokens (HMAC-SHA256, JWT-like): any instance can check one without a store read, and the
 * device key is never one of them. Also derives each conversation's user id from the same key.
 */
export class DirectLineTokens {
  constructor(
    private readonly key: Buffer,
    private readonly now: () => number = Date.now,
  ) {}

  issue(
    kind: TokenKind,
    claims: TokenClaims,
    seconds = kind === 'stream' ? STREAM_TOKEN_SECONDS : CONVERSATION_TOKEN_SECONDS,
  ): { token: string; expiresIn: number } {
    const payload = {
      k: kind,
      c: claims.conversationId,
      d: claims.deviceId,
      f: claims.facilityId,
      e: Math.floor(this.now() / 1000) + seconds,
    };
    const body = PREFIX + Buffer.from(JSON.stringify(payload)).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, expiresIn: seconds };
  }

  /** The claims of a valid, unexpired token of this kind, with its remaining seconds; undefined otherwise. */
  verify(token: string, kind: TokenKind): (TokenClaims & { expiresIn: number }) | undefined {
    const dot = token.lastIndexOf('.');
    if (!token.startsWith(PREFIX) || dot <= PREFIX.length) return undefined;
    const body = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.sign(body));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let claims;
    try {
      claims = claimsSchema.parse(
        JSON.parse(Buffer.from(body.slice(PREFIX.length), 'base64url').toString('utf8')),
      );
    } catch {
      return undefined;
    }
    const expiresIn = claims.e - Math.floor(this.now() / 1000);
    if (claims.k !== kind || expiresIn <= 0) return undefined;
    return { conversationId: claims.c, deviceId: claims.d, facilityId: claims.f, expiresIn };
  }

  /** Whether a bearer value has the shape of one of our tokens (so a device key is not mistaken for one). */
  static looksLikeToken(value: string): boolean {
    return value.startsWith(PREFIX);
  }

  /**
   * The user id the bot sees in a conversation: fresh for every conversation, so children sharing a tablet are never
   * linked, and derived rather than stored.
   */
  userIdFor(conversationId: string): string {
    return `dl_${this.sign(`user:${conversationId}`).slice(0, 24)}`;
  }

  private sign(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url');
  }
}
