import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  GENERAL_KEYWORDS_KEY,
  MIN_KEYWORDS,
  RawRightsLocale,
  RightsContentError,
  rightsCatalogueSchema,
  rightsLocaleSchema,
  validateRightsContent,
} from '../../../content/rightsSchema';
import { helplinesFileSchema } from '../../../content/helplinesSchema';

const contentDir = path.join(__dirname, '../../../content');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(contentDir, file), 'utf8'));

const catalogue = readJson('rights.json');
// Every locale that has rights words; languages added later are checked without touching this test.
const raw: Record<string, RawRightsLocale> = {};
for (const lng of readdirSync(path.join(contentDir, 'locales'))) {
  if (!existsSync(path.join(contentDir, 'locales', lng, 'rights.json'))) continue;
  const keywordsFile = path.join('locales', lng, 'rightsKeywords.json');
  raw[lng] = {
    rights: readJson(path.join('locales', lng, 'rights.json')),
    keywords: existsSync(path.join(contentDir, keywordsFile)) ? readJson(keywordsFile) : undefined,
  };
}

function issuesOf(run: () => unknown): string[] {
  try {
    run();
    return [];
  } catch (err) {
    if (err instanceof RightsContentError) return err.issues;
    throw err;
  }
}

// Terms ECPAT's Terminology Guidelines reject for children. The English list applies to every language too,
// because an untranslated English fragment is the most likely way such a word slips into a translation.
const BANNED: Record<string, string[]> = {
  en: [
    'prostitute',
    'prostitution',
    'sex worker',
    "victim's fault",
    'child pornography',
    'child sex tourism',
  ],
  th: ['โสเภณี', 'ขายตัว', 'ขายบริการทางเพศ', 'หญิงบริการ'],
  km: ['ពេស្យា', 'ស្រីរកស៊ី', 'រកស៊ីផ្លូវភេទ'],
};
// Promises of secrecy we must never make: the monitoring body acts when someone is in danger.
const SECRECY_PROMISES: Record<string, string[]> = {
  en: [
    'nobody will know',
    'no one will know',
    'stays between us',
    'we will not tell anyone',
    'completely secret',
  ],
  th: ['ไม่มีใครรู้', 'เป็นความลับระหว่างเรา', 'เราจะไม่บอกใคร'],
  km: ['គ្មាននរណាដឹង', 'យើងនឹងមិនប្រាប់នរណា'],
};

/** Every string in a JSON value: the checks on words must run even when the structure is broken. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('the rights content on disk', () => {
  const parsedCatalogue = rightsCatalogueSchema.safeParse(catalogue);
  const topics = parsedCatalogue.success ? parsedCatalogue.data.topics : [];
  const groups = parsedCatalogue.success ? parsedCatalogue.data.groups : [];

  it('passes validation: every locale has exactly the catalogue topics, without variables', () => {
    expect(issuesOf(() => validateRightsContent(catalogue, raw))).toEqual([]);
  });

  it('has the 12 guiding principles, 3 stages, 16 services and 4 State duties of the standards', () => {
    const perGroup = Object.fromEntries(
      groups.map((g) => [g.id, topics.filter((t) => t.group === g.id).length]),
    );
    expect(perGroup).toEqual({ principles: 12, stages: 3, services: 16, state: 4 });
  });

  it('numbers the topics of each group 1..n and cites each principle by its own number', () => {
    for (const group of groups) {
      const orders = topics.filter((t) => t.group === group.id).map((t) => t.order);
      expect([...orders].sort((a, b) => a - b)).toEqual(orders.map((_, i) => i + 1));
    }
    for (const topic of topics.filter((t) => t.group === 'principles'))
      expect(topic.source).toBe(`Guiding principle ${topic.order}`);
  });

  it('is written in English, Thai and Khmer, each with keywords', () => {
    for (const lng of ['en', 'th', 'km']) expect(raw[lng]?.keywords).toBeDefined();
  });

  describe.each(Object.keys(raw))('locale %s', (lng) => {
    const texts = strings(raw[lng].rights).map((t) => t.toLowerCase());

    it('uses none of the terms the ECPAT guidelines reject', () => {
      const banned = [...BANNED.en, ...(BANNED[lng] ?? [])];
      expect(texts.flatMap((text) => banned.filter((word) => text.includes(word)))).toEqual([]);
    });

    it('never promises that what a child writes stays secret', () => {
      const promises = [...SECRECY_PROMISES.en, ...(SECRECY_PROMISES[lng] ?? [])];
      expect(texts.flatMap((text) => promises.filter((p) => text.includes(p)))).toEqual([]);
    });

    it(`gives every topic at least ${MIN_KEYWORDS} keywords and has words for "what are my rights"`, () => {
      const keywords = (raw[lng].keywords ?? {}) as Record<string, unknown>;
      const tooFew = [GENERAL_KEYWORDS_KEY, ...topics.map((t) => t.id)].filter(
        (key) => strings(keywords[key]).length < MIN_KEYWORDS,
      );
      expect(tooFew).toEqual([]);
    });
  });
});

describe('the English rights texts, which translators start from', () => {
  const ids = rightsCatalogueSchema.parse(catalogue).topics.map((t) => t.id);
  // Parsed inside each test, so a broken file fails the tests instead of hiding them.
  const topic = (id: string) => rightsLocaleSchema.parse(raw.en?.rights).topics[id];
  const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter(Boolean);
  const words = (sentence: string) => sentence.split(/\s+/).filter(Boolean).length;
  // What a child can do next: every text ends by telling them.
  const action = /\b(ask|tell|talk|answer|share|make a complaint)\b/i;

  it.each(ids)('%s has a short button title', (id) => {
    expect(topic(id).title.length).toBeLessThanOrEqual(28);
  });

  it.each(ids)('%s tells under-12s in 2 to 4 short sentences', (id) => {
    const young = sentences(topic(id).young);
    expect(young.length).toBeGreaterThanOrEqual(2);
    expect(young.length).toBeLessThanOrEqual(4);
    expect(young.filter((s) => words(s) > 16)).toEqual([]);
  });

  it.each(ids)('%s tells teenagers in 3 to 6 sentences', (id) => {
    const teen = sentences(topic(id).teen);
    expect(teen.length).toBeGreaterThanOrEqual(3);
    expect(teen.length).toBeLessThanOrEqual(6);
  });

  it.each(ids)('%s ends both texts with what the child can do', (id) => {
    expect(sentences(topic(id).young).at(-1)).toMatch(action);
    expect(sentences(topic(id).teen).at(-1)).toMatch(action);
  });
});

describe('validateRightsContent', () => {
  const tinyCatalogue = {
    groups: [{ id: 'principles' }],
    topics: [{ id: 'noDetention', group: 'principles', source: 'Guiding principle 3', order: 1 }],
  };
  const topic = {
    title: 'Nobody locks you up',
    young: 'Nobody should lock you up.',
    teen: 'You are not in prison.',
  };
  const locale = (topics: Record<string, unknown>) => ({
    groups: { principles: { title: 'T', intro: 'I' } },
    topics,
  });
  const keywords = (list: string[]) => ({
    [GENERAL_KEYWORDS_KEY]: ['a', 'b', 'c', 'd', 'e', 'f'],
    noDetention: list,
  });
  const sixWords = ['locked', 'prison', 'jail', 'cage', 'trapped', 'detention'];

  it('accepts a locale that covers the catalogue exactly', () => {
    const result = validateRightsContent(tinyCatalogue, {
      xx: { rights: locale({ noDetention: topic }), keywords: keywords(sixWords) },
    });
    expect(result.locales.xx.rights.topics.noDetention.title).toBe('Nobody locks you up');
  });

  it('reports a topic missing from a locale and one the catalogue does not have', () => {
    const issues = issuesOf(() =>
      validateRightsContent(tinyCatalogue, { xx: { rights: locale({ noDetentoin: topic }) } }),
    );
    expect(issues).toEqual([
      'xx/rights.json topics: noDetention is missing',
      'xx/rights.json topics: noDetentoin is not in the catalogue',
    ]);
  });

  it('rejects interpolation variables and empty texts', () => {
    const issues = issuesOf(() =>
      validateRightsContent(tinyCatalogue, {
        xx: { rights: locale({ noDetention: { ...topic, young: 'Hello {{name}}', teen: ' ' } }) },
      }),
    );
    expect(issues).toEqual([
      expect.stringContaining('topics.noDetention.young: must not contain {{variables}}'),
      expect.stringContaining('topics.noDetention.teen: must not be empty'),
    ]);
  });

  it('rejects a topic in an unknown group and two topics with the same order', () => {
    const issues = issuesOf(() =>
      validateRightsContent(
        {
          groups: [{ id: 'principles' }],
          topics: [
            { id: 'a', group: 'principles', source: 's', order: 1 },
            { id: 'b', group: 'principles', source: 's', order: 1 },
            { id: 'c', group: 'nowhere', source: 's', order: 1 },
          ],
        },
        {},
      ),
    );
    expect(issues).toEqual([
      'rights.json topics.2.group: unknown group nowhere',
      'rights.json topics: two topics of group principles have order 1',
    ]);
  });

  it('rejects too few, repeated, capitalised or unknown keywords', () => {
    const rights = locale({ noDetention: topic });
    const issuesFor = (kw: unknown) =>
      issuesOf(() => validateRightsContent(tinyCatalogue, { xx: { rights, keywords: kw } }));
    expect(issuesFor(keywords(sixWords.slice(0, 5)))).toEqual([expect.stringContaining('noDetention')]);
    expect(issuesFor(keywords([...sixWords, 'jail']))).toEqual([expect.stringContaining('must not repeat')]);
    expect(issuesFor(keywords([...sixWords, 'Jail ']))).toEqual([expect.stringContaining('lower case')]);
    expect(issuesFor({ ...keywords(sixWords), privacy: sixWords })).toEqual([
      'xx/rightsKeywords.json: privacy is not in the catalogue',
    ]);
  });
});

describe('the helplines file', () => {
  const file = helplinesFileSchema.parse(readJson('helplines.json'));

  it('has a helpline for each of the 11 starting countries', () => {
    const countries = file.countries.map((h) => h.country).sort();
    expect(countries).toEqual(['BD', 'CN', 'ID', 'IN', 'KH', 'LA', 'MY', 'NP', 'PH', 'TH', 'VN']);
  });

  it('rejects a country listed twice', () => {
    const twice = { ...file, countries: [...file.countries, file.countries[0]] };
    expect(helplinesFileSchema.safeParse(twice).success).toBe(false);
  });
});
