import { z } from 'zod';

const locale = z.string().regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,4}$/, 'not a language tag');

/** Optional body of `tokens/generate` and `conversations` (Direct Line's user and locale; both optional). */
export const startBodySchema = z
  .object({
    locale: locale.optional(),
    user: z
      .object({ id: z.string().max(256).optional(), name: z.string().max(256).optional() })
      .loose()
      .optional(),
  })
  .loose();

export const ACCEPTED_TYPES = ['message', 'endOfConversation', 'typing', 'event'] as const;

/** An activity a client posts. Ids, channel and accounts are set by the server, whatever the client says. */
export const clientActivitySchema = z
  .object({
    type: z.enum(ACCEPTED_TYPES, 'unsupported activity type'),
    text: z.string().max(4000).optional(),
    value: z.unknown().optional(),
    name: z.string().max(128).optional(),
    locale: locale.optional(),
    attachments: z.array(z.unknown()).max(0, 'attachments are not accepted').optional(),
    channelData: z
      .object({ clientActivityID: z.string().max(128).optional() })
      .loose()
      .optional(),
  })
  .loose()
  .refine((a) => a.type !== 'message' || a.text !== undefined || a.value !== undefined, {
    message: 'a message needs text or value',
    path: ['text'],
  });
export type ClientActivity = z.infer<typeof clientActivitySchema>;

/** An activity read back from the log: checked like anything else that comes from a store. */
export const storedActivitySchema = z
  .object({
    type: z.string().min(1),
    from: z.object({ id: z.string() }).loose(),
    conversation: z.object({ id: z.string() }).loose(),
  })
  .loose();

/** An activity as clients receive it: as stored, with its id (the conversation id and its place in the log). */
export type StoredActivity = z.infer<typeof storedActivitySchema> & { id: string };

/** A watermark query parameter; absent or empty (directlinejs starts with `?watermark=`) means from the start. */
export const watermarkSchema = z
  .string()
  .regex(/^\d{0,9}$/, 'not a watermark')
  .optional()
  .transform((w) => (w ? Number(w) : 0));

/** A short, safe reason for a 400: which field is wrong, never the value. */
export function problemOf(error: z.ZodError): string {
  const first = error.issues[0];
  return `${first.path.join('.') || 'body'}: ${first.message}`;
}
