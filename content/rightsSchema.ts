import { z } from 'zod';

/*
 * The rights content comes in three kinds of file:
 * - `rights.json`: the catalogue, without any language: which topics exist, their group, order and source;
 * - `locales/<lng>/rights.json`: an i18next namespace with the words for every group and topic;
 * - `locales/<lng>/rightsKeywords.json`: what a child might type to ask about a topic.
 * The catalogue is the single list of topic ids: a locale may neither miss one nor add one.
 */

/** Keywords under this key mean "what are my rights?": the dialog then shows the topic list. */
export const GENERAL_KEYWORDS_KEY = '_general';
/** Fewer than this and a child's own words too rarely find the topic. */
export const MIN_KEYWORDS = 6;

// camelCase, so an id can never collide with GENERAL_KEYWORDS_KEY nor need quoting as an i18next key.
const idSchema = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be a camelCase id');

export const rightsTopicSchema = z.strictObject({
  id: idSchema,
  group: idSchema,
  /** Where in the source standards the topic comes from, for reviewers. */
  source: z.string().trim().min(1),
  /** Position inside its group, from 1. */
  order: z.number().int().positive(),
});
export type RightsTopic = z.infer<typeof rightsTopicSchema>;

export const rightsCatalogueSchema = z
  .strictObject({
    groups: z.array(z.strictObject({ id: idSchema })).min(1),
    topics: z.array(rightsTopicSchema).min(1),
  })
  .superRefine((catalogue, ctx) => {
    const groupIds = catalogue.groups.map((g) => g.id);
    for (const id of duplicates(groupIds))
      ctx.addIssue({ code: 'custom', path: ['groups'], message: `group ${id} is listed twice` });
    for (const id of duplicates(catalogue.topics.map((t) => t.id)))
      ctx.addIssue({ code: 'custom', path: ['topics'], message: `topic ${id} is listed twice` });
    catalogue.topics.forEach((topic, i) => {
      if (!groupIds.includes(topic.group))
        ctx.addIssue({
          code: 'custom',
          path: ['topics', i, 'group'],
          message: `unknown group ${topic.group}`,
        });
    });
    for (const group of groupIds) {
      const orders = catalogue.topics.filter((t) => t.group === group).map((t) => t.order);
      if (orders.length === 0)
        ctx.addIssue({ code: 'custom', path: ['groups'], message: `group ${group} has no topic` });
      for (const order of duplicates(orders))
        ctx.addIssue({
          code: 'custom',
          path: ['topics'],
          message: `two topics of group ${group} have order ${order}`,
        });
    }
  });
export type RightsCatalogue = z.infer<typeof rightsCatalogueSchema>;

// Rights texts are read as they are: a variable or a nested $t() would show up raw in front of a child.
const rightsText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => !/\{\{|\}\}|\$t\(/.test(s), 'must not contain {{variables}} or $t() nesting');

export const rightsLocaleSchema = z.strictObject({
  groups: z.record(z.string(), z.strictObject({ title: rightsText, intro: rightsText })),
  topics: z.record(z.string(), z.strictObject({ title: rightsText, young: rightsText, teen: rightsText })),
});
export type RightsLocale = z.infer<typeof rightsLocaleSchema>;

// The matcher lower-cases what a child types, so a keyword with a capital letter could never match.
const keyword = z
  .string()
  .min(1)
  .refine((k) => k === k.trim() && k === k.toLowerCase(), 'must be trimmed and lower case');

export const rightsKeywordsSchema = z.record(
  z.string(),
  z
    .array(keyword)
    .min(MIN_KEYWORDS)
    .refine((list) => duplicates(list).length === 0, 'must not repeat a keyword'),
);
export type RightsKeywords = z.infer<typeof rightsKeywordsSchema>;

/** The files of one locale, as read from disk; keywords may be absent for a locale being translated. */
export interface RawRightsLocale {
  rights: unknown;
  keywords?: unknown;
}

export interface RightsContent {
  catalogue: RightsCatalogue;
  locales: Record<string, { rights: RightsLocale; keywords?: RightsKeywords }>;
}

export class RightsContentError extends Error {
  constructor(readonly issues: string[]) {
    super(`Rights content is invalid:\n- ${issues.join('\n- ')}`);
    this.name = new.target.name;
  }
}

/**
 * Parses the catalogue and every locale's rights files, and checks that each locale covers exactly the
 * catalogue's groups and topics. Collects every problem before throwing, so one run shows a translator all of them.
 */
export function validateRightsContent(
  catalogue: unknown,
  localeResources: Record<string, RawRightsLocale>,
): RightsContent {
  const issues: string[] = [];
  const parsedCatalogue = rightsCatalogueSchema.safeParse(catalogue);
  if (!parsedCatalogue.success) issues.push(...zodIssues('rights.json', parsedCatalogue.error));
  const groupIds = parsedCatalogue.data?.groups.map((g) => g.id);
  const topicIds = parsedCatalogue.data?.topics.map((t) => t.id);

  const locales: RightsContent['locales'] = {};
  for (const [lng, raw] of Object.entries(localeResources)) {
    const rights = rightsLocaleSchema.safeParse(raw.rights);
    if (!rights.success) issues.push(...zodIssues(`${lng}/rights.json`, rights.error));
    else if (groupIds && topicIds) {
      issues.push(...sameKeys(`${lng}/rights.json groups`, Object.keys(rights.data.groups), groupIds));
      issues.push(...sameKeys(`${lng}/rights.json topics`, Object.keys(rights.data.topics), topicIds));
    }
    let keywords: RightsKeywords | undefined;
    if (raw.keywords !== undefined) {
      const parsed = rightsKeywordsSchema.safeParse(raw.keywords);
      if (!parsed.success) issues.push(...zodIssues(`${lng}/rightsKeywords.json`, parsed.error));
      else {
        keywords = parsed.data;
        if (topicIds)
          issues.push(
            ...sameKeys(`${lng}/rightsKeywords.json`, Object.keys(parsed.data), [
              GENERAL_KEYWORDS_KEY,
              ...topicIds,
            ]),
          );
      }
    }
    if (rights.success) locales[lng] = { rights: rights.data, keywords };
  }
  if (issues.length > 0 || !parsedCatalogue.success) throw new RightsContentError(issues);
  return { catalogue: parsedCatalogue.data, locales };
}

function sameKeys(where: string, actual: string[], expected: string[]): string[] {
  return [
    ...expected.filter((id) => !actual.includes(id)).map((id) => `${where}: ${id} is missing`),
    ...actual.filter((id) => !expected.includes(id)).map((id) => `${where}: ${id} is not in the catalogue`),
  ];
}

function zodIssues(where: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${where} ${i.path.join('.') || '(root)'}: ${i.message}`);
}

function duplicates<T>(values: T[]): T[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}
