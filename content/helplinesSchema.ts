import { z } from 'zod';

export const helplineSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2 code'),
  name: z.string().min(1),
  number: z.string().regex(/^\+?[0-9 -]{3,20}$/, 'digits, spaces, dashes, optional +'),
  hours: z.string().min(1).nullable(),
  /** false until the deployment has called the number and confirmed it reaches a child helpline. */
  verified: z.boolean(),
  source: z.string().min(1),
});

export const helplinesFileSchema = z.object({
  countries: z.array(helplineSchema).min(1),
  default: helplineSchema,
});
export type HelplinesFile = z.infer<typeof helplinesFileSchema>;
