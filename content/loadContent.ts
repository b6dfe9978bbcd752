import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import i18next, { i18n, TFunction } from 'i18next';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { LANGUAGES, Language } from './languages';
import { LocaleMeta, localeMetaSchema, Resource, resourceSchema } from './contentSchema';
import { RightsIndex, RightsKeywords, rightsKeywordsSchema } from './rightsIndex';

// Every bare key of every language and namespace fits, with room for keys built from data (`status.${status}`).
const PLAIN_WORDS_MAX = 20_000;

const rightsCatalogueSchema = z.object({
  groups: z.array(z.object({ id: z.string().min(1) })).min(1),
  topics: z.array(z.object({ id: z.string().min(1), group: z.string().min(1), order: z.number().int(), source: z.string().min(1) })).min(1),
});
export type RightsCatalogue = z.infer<typeof rightsCatalogueSchema>;

const surveyCatalogueSchema = z.object({
  perSession: z.number().int().min(3).max(5),
  questions: z.array(z.object({ id: z.string().regex(/^[a-z][a-zA-Z]*$/), source: z.string().min(1) })).min(5),
});
export type SurveyCatalogue = z.infer<typeof surveyCatalogueSchema>;

/** i18next namespaces; each is `locales/<lng>/<namespace>.json`. Other files there are data, not words. */
export const NAMESPACES = ['common', 'rights', 'help', 'complaint', 'report', 'survey', 'kiosk'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export class ContentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export interface Content {
  /** Languages a child can pick, in picker order (those with a meta.json and common words). */
  languages: Language[];
  meta: Record<string, LocaleMeta>;
  /** Words for one language; never changes a shared language setting, so concurrent turns cannot mix. */
  t(lng: string, ns?: Namespace): TFunction;
  /** Reads and validates a data file of a locale (e.g. rightsKeywords.json), or undefined if absent. */
  localeData<T>(lng: string, file: string, schema: z.ZodType<T>): T | undefined;
  dir: string;
  i18n: i18n;
  /** The rights topics, language-free (rights.json); their words are in the `rights` namespace. */
  rights: RightsCatalogue;
  /** Free-text questions to rights topics, over every language's keywords. */
  rightsIndex: RightsIndex;
  /** The views survey's questions (survey.json); their words are in the `survey` namespace. */
  survey: SurveyCatalogue;
}

/** Reads, validates (zod) and loads every locale under `dir/locales`; throws ContentError naming the bad file. */
export async function loadContent(dir: string = __dirname): Promise<Content> {
  const localesDir = path.join(dir, 'locales');
  const resources: Record<string, Record<string, Resource>> = {};
  const meta: Record<string, LocaleMeta> = {};
  for (const lng of readdirSync(localesDir)) {
    if (!(LANGUAGES as readonly string[]).includes(lng)) throw new ContentError(`Unknown locale folder ${lng}`);
    const metaFile = path.join(localesDir, lng, 'meta.json');
    if (!existsSync(metaFile)) continue;
    meta[lng] = readJson(metaFile, localeMetaSchema);
    resources[lng] = {};
    for (const ns of NAMESPACES) {
      const file = path.join(localesDir, lng, `${ns}.json`);
      if (existsSync(file)) resources[lng][ns] = readJson(file, resourceSchema);
    }
  }
  if (!resources.en?.common) throw new ContentError('English common words (locales/en/common.json) are required');
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    // Text goes into chat messages, not HTML: the renderers escape where they must.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const languages = LANGUAGES.filter((l) => meta[l] && resources[l].common);
  const keywords: Record<string, RightsKeywords> = {};
  for (const lng of Object.keys(meta)) {
    const file = path.join(localesDir, lng, 'rightsKeywords.json');
    if (existsSync(file)) keywords[lng] = readJson(file, rightsKeywordsSchema);
  }
  const fixedTs = new Map<string, TFunction>();
  const plainWords = new LRUCache<string, string>({ max: PLAIN_WORDS_MAX });
  return {
    languages,
    meta,
    dir,
    i18n: instance,
    rights: readJson(path.join(dir, 'rights.json'), rightsCatalogueSchema),
    rightsIndex: new RightsIndex(keywords),
    survey: readJson(path.join(dir, 'survey.json'), surveyCatalogueSchema),
    // A t is asked for every message a dialog sends; the same few dozen serve the whole service.
    t: (lng, ns = 'common') => {
      const id = `${lng}\u0000${ns}`;
      let fixed = fixedTs.get(id);
      if (!fixed) fixedTs.set(id, (fixed = rememberingPlainWords(instance.getFixedT(lng, ns), id, plainWords)));
      return fixed;
    },
    localeData: (lng, file, schema) => {
      const p = path.join(localesDir, lng, file);
      return existsSync(p) ? readJson(p, schema) : undefined;
    },
  };
}

/**
 * Words are fixed while serving, and most lookups are a bare key (a button title, a question): i18next's resolve,
 * nesting and interpolation machinery ran for the same answers on every turn, 14% of a turn's allocations.
 * A bare key's text is remembered; a lookup with options (interpolation, `returnObjects`) goes to i18next each time.
 */
function rememberingPlainWords(t: TFunction, id: string, cache: LRUCache<string, string>): TFunction {
  const remembering = (...args: Parameters<TFunction>) => {
    const [key] = args;
    if (args.length !== 1 || typeof key !== 'string') return (t as unknown as (...a: unknown[]) => unknown)(...args);
    const cacheKey = `${id}\u0000${key}`;
    let text = cache.get(cacheKey);
    if (text === undefined) cache.set(cacheKey, (text = t(key)));
    return text;
  };
  return Object.assign(remembering, t) as unknown as TFunction;
}

export function readJson<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ContentError(`${file} is not valid JSON`, { cause: err });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ContentError(`${file} is invalid: ${issues}`);
  }
  return parsed.data;
}
