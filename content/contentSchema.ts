import { z } from 'zod';

export const localeMetaSchema = z.object({
  /** The language's name in its own script, shown in the language picker. */
  name: z.string().min(1),
  englishName: z.string().min(1),
  /** ISO 3166 country whose helpline is offered by default. */
  country: z.string().regex(/^[A-Z]{2}$/),
  /** `draft` until a native speaker has reviewed every file of this locale. */
  review: z.enum(['draft', 'reviewed']),
  drafted: z.enum(['machine', 'human']),
  reviewNote: z.string().optional(),
  /** Words a child may type to change language ("language", "ภาษา"). */
  languageWords: z.array(z.string().min(1)).min(1),
});
export type LocaleMeta = z.infer<typeof localeMetaSchema>;

/** An i18next namespace: nested objects whose leaves are non-empty strings or lists of them (word lists). */
export type Resource = { [key: string]: string | string[] | Resource };
const nonEmpty = z.string().trim().min(1, 'must not be empty');
export const resourceSchema: z.ZodType<Resource> = z.lazy(() =>
  z.record(z.string(), z.union([nonEmpty, z.array(nonEmpty).min(1), resourceSchema])),
);

/** Flattens a namespace to dotted keys, for comparing languages key by key. */
export function flattenResource(resource: Resource, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(resource)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else if (Array.isArray(v)) out.set(prefix + k, v.join('\n'));
    else for (const [fk, fv] of flattenResource(v, `${prefix}${k}.`)) out.set(fk, fv);
  }
  return out;
}

/** The `{{variables}}` a string interpolates, sorted, to compare translations. */
export function interpolationVariables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
}
