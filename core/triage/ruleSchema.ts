import { z } from 'zod';
import { categorySchema } from './types';

const phrases = z.array(z.string().trim().min(1));

/** One rule of a rule file; see rules/README.md. */
export const ruleSchema = z
  .object({
    id: z.string().trim().min(1),
    category: categorySchema,
    risk: z.enum(['urgent', 'concern']),
    reason: z.string().trim().min(1),
    patterns: phrases.default([]),
    all: z.array(phrases.min(1)).min(1).optional(),
    literalOnly: z.boolean().default(false),
    unless: phrases.default([]),
    /** Phrases that cancel the rule wherever they stand in the message, not only in the clause of its match. */
    unlessInMessage: phrases.default([]),
    /** false: the file's negators do not cancel this rule (its own patterns already say "not allowed"). */
    negatable: z.boolean().default(true),
  })
  .refine((rule) => rule.patterns.length > 0 || rule.all !== undefined, {
    message: 'a rule needs "patterns" or "all"',
  });
export type Rule = z.infer<typeof ruleSchema>;

/** A whole rule file, one per language; see rules/README.md. */
export const ruleFileSchema = z
  .object({
    locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as "th" or "hi-Latn"'),
    script: z.string().regex(/^[A-Z][A-Za-z_]+$/, 'a Unicode script name such as "Latin" or "Thai"'),
    segmented: z.boolean(),
    /** "romanised": compare words through a phonetic skeleton (romanisedFold.ts); only for files written with spaces. */
    fold: z.enum(['romanised']).optional(),
    review: z.enum(['draft', 'reviewed']),
    drafted: z.enum(['machine', 'human']),
    negators: phrases.default([]),
    negatorsAfter: phrases.default([]),
    negationBlockers: phrases.default([]),
    clauseBreaks: z.array(z.string().trim().regex(/^\S+$/, 'a clause break is one word')).default([]),
    figurative: phrases.default([]),
    rules: z.array(ruleSchema).min(1),
  })
  .refine((file) => !(file.fold && file.segmented), {
    message: 'a fold applies to words, so only to a file with "segmented": false',
    path: ['fold'],
  });
export type RuleFile = z.infer<typeof ruleFileSchema>;
