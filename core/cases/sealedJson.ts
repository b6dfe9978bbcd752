import { z } from 'zod';
import { TextSealer } from '../privacy/textSealer';
import { sealedTextSchema } from './types';

/**
 * Reports, outbox events and spooled entries hold what children wrote (even redacted, it is theirs): at rest they
 * are kept as sealed JSON, bound to a context (e.g. the report id) so a sealed value cannot be moved elsewhere.
 */
export function sealJson(sealer: TextSealer, value: unknown, context: string): string {
  return JSON.stringify(sealer.seal(JSON.stringify(value), context));
}

/** Opens sealed JSON and parses it with the schema, as data coming in is parsed. */
export function openJson<T>(sealer: TextSealer, stored: string, context: string, schema: z.ZodType<T>): T {
  const sealed = sealedTextSchema.parse(JSON.parse(stored));
  return schema.parse(JSON.parse(sealer.open(sealed, context)));
}

/** The context an outbox event is sealed under, so every reader opens it the same way. */
export const OUTBOX_CONTEXT = 'outbox';
