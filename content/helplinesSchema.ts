import { z } from 'zod';

// A fixed token rather than free text, so a dialog can say it in the child's language; add tokens as needed.
export const HELPLINE_HOURS = ['24 hours'] as const;

export const helplineSchema = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2 code'),
  name: z.string().trim().min(1),
  number: z.string().regex(/^\+?[0-9][0-9 -]{1,18}[0-9]$/, 'digits, spaces, dashes, optional +'),
  /** null when we do not know the opening hours for sure. */
  hours: z.enum(HELPLINE_HOURS).nullable(),
  /** false until the deployment has called the number and confirmed it reaches a child helpline. */
  verified: z.boolean(),
  source: z.string().trim().min(1),
  /** For the deployment, never shown to a child: caveats and alternatives to check. */
  note: z.string().trim().min(1).optional(),
});
export type HelplineEntry = z.infer<typeof helplineSchema>;

export const helplinesFileSchema = z
  .strictObject({
    countries: z.array(helplineSchema).min(1),
    /** Offered when a child's country has no entry. */
    default: helplineSchema,
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.countries.forEach((h, i) => {
      if (seen.has(h.country))
        ctx.addIssue({
          code: 'custom',
          path: ['countries', i, 'country'],
          message: `${h.country} is listed twice`,
        });
      seen.add(h.country);
    });
  });
export type HelplinesFile = z.infer<typeof helplinesFileSchema>;
