import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadRuleScreener } from '../../../../core/triage/ruleScreener';
import { categorySchema, riskLevelSchema } from '../../../../core/triage/types';

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'triage');

const exampleSchema = z.object({
  text: z.string().min(1),
  locale: z.string().min(1),
  risk: riskLevelSchema,
  categories: z.array(categorySchema).optional(),
});
type Example = z.infer<typeof exampleSchema>;

/** Every labelled example in every fixtures file present, whoever wrote it; a malformed line fails loudly. */
function loadExamples(): Map<string, Example[]> {
  const byFile = new Map<string, Example[]>();
  for (const file of readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()) {
    const lines = readFileSync(join(FIXTURES, file), 'utf8').split('\n');
    const examples = lines.flatMap((line, index) => {
      if (line.trim() === '') return [];
      const parsed = exampleSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.message}`);
      return [parsed.data];
    });
    byFile.set(file.replace(/\.jsonl$/, ''), examples);
  }
  return byFile;
}

interface Figures {
  safeguarding: number;
  urgent: number;
  ordinary: number;
  /** Safeguarding messages flagged urgent or concern. */
  flagged: number;
  urgentAsUrgent: number;
  ordinaryFlagged: number;
  /** Safeguarding messages whose labelled categories were all found (shown, not asserted). */
  categoriesFound: number;
}

const screener = loadRuleScreener();

function measure(examples: Example[]): Figures {
  const figures: Figures = {
    safeguarding: 0,
    urgent: 0,
    ordinary: 0,
    flagged: 0,
    urgentAsUrgent: 0,
    ordinaryFlagged: 0,
    categoriesFound: 0,
  };
  for (const example of examples) {
    const result = screener.screen(example.text, example.locale);
    if (example.risk === 'none') {
      figures.ordinary += 1;
      if (result.risk !== 'none') figures.ordinaryFlagged += 1;
      continue;
    }
    figures.safeguarding += 1;
    if (result.risk !== 'none') figures.flagged += 1;
    if ((example.categories ?? []).every((category) => result.categories.includes(category)))
      figures.categoriesFound += 1;
    if (example.risk === 'urgent') {
      figures.urgent += 1;
      if (result.risk === 'urgent') figures.urgentAsUrgent += 1;
    }
  }
  return figures;
}

const share = (part: number, whole: number) => (whole === 0 ? NaN : part / whole);
const percent = (value: number) =>
  Number.isNaN(value) ? '   -  ' : `${(100 * value).toFixed(1).padStart(5)}%`;

const byFile = loadExamples();
const perLanguage = [...byFile].map(([language, examples]) => ({ language, figures: measure(examples) }));
const overall = measure([...byFile.values()].flat());

describe('labelled set (every test/fixtures/triage/*.jsonl)', () => {
  beforeAll(() => {
    const rows = [...perLanguage, { language: 'OVERALL', figures: overall }].map(({ language, figures: f }) =>
      [
        language.padEnd(10),
        String(f.safeguarding + f.ordinary).padStart(5),
        percent(share(f.flagged, f.safeguarding)),
        percent(share(f.urgentAsUrgent, f.urgent)),
        percent(share(f.ordinaryFlagged, f.ordinary)),
        percent(share(f.categoriesFound, f.safeguarding)),
      ].join('  '),
    );
    console.log(
      [
        'language      msgs  safeguarding flagged / urgent as urgent / ordinary flagged / categories found',
        ...rows,
      ].join('\n'),
    );
  });

  it('holds examples from several languages', () => {
    expect(byFile.size).toBeGreaterThanOrEqual(4);
    expect(overall.safeguarding).toBeGreaterThan(100);
    expect(overall.ordinary).toBeGreaterThan(100);
  });

  it('flags at least 95% of safeguarding messages overall', () => {
    expect(share(overall.flagged, overall.safeguarding)).toBeGreaterThanOrEqual(0.95);
  });

  it('flags at least 90% of urgent messages as urgent overall', () => {
    expect(share(overall.urgentAsUrgent, overall.urgent)).toBeGreaterThanOrEqual(0.9);
  });

  it('flags at most 10% of ordinary messages overall', () => {
    expect(share(overall.ordinaryFlagged, overall.ordinary)).toBeLessThanOrEqual(0.1);
  });

  // Per-language floors are looser: a file may be small, and one language must not hide behind the others.
  it.each(perLanguage)('keeps $language above the per-language floors', ({ figures }) => {
    if (figures.safeguarding > 0)
      expect(share(figures.flagged, figures.safeguarding)).toBeGreaterThanOrEqual(0.85);
    if (figures.urgent > 0) expect(share(figures.urgentAsUrgent, figures.urgent)).toBeGreaterThanOrEqual(0.8);
    if (figures.ordinary > 0)
      expect(share(figures.ordinaryFlagged, figures.ordinary)).toBeLessThanOrEqual(0.2);
  });
});
