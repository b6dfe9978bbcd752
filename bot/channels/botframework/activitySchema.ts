import { z } from 'zod';

const account = z.object({ id: z.string().min(1).max(512), name: z.string().max(512).optional() }).loose();

/**
 * The shape an incoming Bot Framework activity must have before botbuilder sees it: botbuilder answers a malformed
 * one with a 500 and an internal message, we answer 400 with a short reason.
 */
export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.url().max(2048),
    from: account,
    recipient: account,
    conversation: z.object({ id: z.string().min(1).max(1024) }).loose(),
    text: z.string().max(8000).optional(),
    locale: z.string().max(32).optional(),
    deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
  })
  .loose();

/** A short, safe reason for a 400: which field is wrong, never the value. */
export function activityProblem(body: unknown): string | undefined {
  const parsed = incomingActivitySchema.safeParse(body);
  if (parsed.success) return undefined;
  const first = parsed.error.issues[0];
  return `${first.path.join('.') || 'body'}: ${first.message}`;
}
