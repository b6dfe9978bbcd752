import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { loadRuleScreener, RuleScreener } from '../../../../core/triage/ruleScreener';
import { CATEGORIES, categorySchema, riskLevelSchema } from '../../../../core/triage/types';

// The held-out set is written by people who never see the rules or the tuning examples, so it estimates how the
// rules do on messages nobody tuned for. This suite exists to PRINT those figures honestly; its assertions are
// deliberately loose floors that catch a collapse, not a target to tune against. Engineers improving the rules must
// not copy lines from these files into rules or tuning fixtures: a held-out line that has been tuned on stops
// measuring anything. So the misses are printed as their labels only (risk and categories); their text is printed
// only with HELDOUT_SHOW_MISSES=1, for a reviewer who does not also write rules. (In round 5 a rule writer read the
// printed texts in the test output by accident.)
// Each file holds two batches: the first 880 lines (written before round 4), then 576 lines (36 per set) written in a
// separate session on 2026-11-29 by a writer who saw no rules or fixtures, and appended after round 6 was measured.

const HELD_OUT_DIR = join(__dirname, '../../../fixtures/triage-heldout');
const MISSES_SHOWN = 5;
const MISS_TEXT_CHARS = 60;
const SHOW_MISS_TEXT = process.env.HELDOUT_SHOW_MISSES === '1';

const heldOutLineSchema = z
  .object({
    text: z.string().min(1),
    locale: z.string().min(2),
    risk: riskLevelSchema,
    categories: z.array(categorySchema),
  })
  .strict()
  .refine((line) => (line.risk === 'none') === (line.categories.length === 0), {
    message: 'categories must be empty exactly when risk is none',
  });
type HeldOutLine = z.infer<typeof heldOutLineSchema>;

interface HeldOutFile {
  name: string;
  lines: HeldOutLine[];
}

interface Tally {
  safeguarding: number;
  safeguardingFlagged: number;
  categoryMatched: number;
  urgent: number;
  urgentAsUrgent: number;
  ordinary: number;
  ordinaryFlagged: number;
  misses: string[];
}

function loadHeldOut(dir: string): HeldOutFile[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .map((file) => ({
      name: basename(file, '.jsonl'),
      lines: readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .filter((raw) => raw.trim() !== '')
        .map((raw, index) => {
          const parsed = heldOutLineSchema.safeParse(JSON.parse(raw));
          if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.message}`);
          return parsed.data;
        }),
    }));
}

function emptyTally(): Tally {
  return {
    safeguarding: 0,
    safeguardingFlagged: 0,
    categoryMatched: 0,
    urgent: 0,
    urgentAsUrgent: 0,
    ordinary: 0,
    ordinaryFlagged: 0,
    misses: [],
  };
}

function tallyFile(file: HeldOutFile, screener: RuleScreener): Tally {
  const tally = emptyTally();
  for (const line of file.lines) {
    const screening = screener.screen(line.text, line.locale);
    const flagged = screening.risk !== 'none';
    if (line.risk === 'none') {
      tally.ordinary += 1;
      if (flagged) tally.ordinaryFlagged += 1;
      continue;
    }
    tally.safeguarding += 1;
    if (flagged) {
      tally.safeguardingFlagged += 1;
      if (screening.categories.some((category) => line.categories.includes(category)))
        tally.categoryMatched += 1;
    } else {
      const label = `[${line.risk} ${line.categories.join('+')}]`;
      tally.misses.push(SHOW_MISS_TEXT ? `${label} ${line.text.slice(0, MISS_TEXT_CHARS)}` : label);
    }
    if (line.risk === 'urgent') {
      tally.urgent += 1;
      if (screening.risk === 'urgent') tally.urgentAsUrgent += 1;
    }
  }
  return tally;
}

function addTallies(a: Tally, b: Tally): Tally {
  return {
    safeguarding: a.safeguarding + b.safeguarding,
    safeguardingFlagged: a.safeguardingFlagged + b.safeguardingFlagged,
    categoryMatched: a.categoryMatched + b.categoryMatched,
    urgent: a.urgent + b.urgent,
    urgentAsUrgent: a.urgentAsUrgent + b.urgentAsUrgent,
    ordinary: a.ordinary + b.ordinary,
    ordinaryFlagged: a.ordinaryFlagged + b.ordinaryFlagged,
    misses: [],
  };
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function cell(part: number, whole: number): string {
  return `${part}/${whole} ${(share(part, whole) * 100).toFixed(0)}%`.padStart(12);
}

function row(name: string, t: Tally): string {
  return [
    name.padEnd(8),
    cell(t.safeguardingFlagged, t.safeguarding),
    cell(t.urgentAsUrgent, t.urgent),
    cell(t.ordinaryFlagged, t.ordinary),
    cell(t.categoryMatched, t.safeguardingFlagged),
  ].join(' | ');
}

function report(tallies: Map<string, Tally>, overall: Tally): string {
  const header = [
    'set'.padEnd(8),
    ...['sg flagged', 'urg->urgent', 'ord flagged', 'cat match'].map((h) => h.padStart(12)),
  ];
  const lines = [
    'Held-out triage figures (rules only; sg = safeguarding, ord = ordinary, cat match = flagged sg sharing a category)',
    header.join(' | '),
    ...[...tallies].map(([name, tally]) => row(name, tally)),
    row('OVERALL', overall),
    '',
    SHOW_MISS_TEXT
      ? `Missed safeguarding messages (up to ${MISSES_SHOWN} per set; do NOT copy these into rules or fixtures):`
      : `Missed safeguarding messages, labels only (up to ${MISSES_SHOWN} per set; texts with HELDOUT_SHOW_MISSES=1):`,
  ];
  for (const [name, tally] of tallies) {
    for (const miss of tally.misses.slice(0, MISSES_SHOWN)) lines.push(`  ${name.padEnd(8)} ${miss}`);
  }
  return lines.join('\n');
}

describe('held-out triage set', () => {
  let files: HeldOutFile[];
  let overall: Tally;

  beforeAll(() => {
    files = loadHeldOut(HELD_OUT_DIR);
    const screener = loadRuleScreener();
    const tallies = new Map(files.map((file) => [file.name, tallyFile(file, screener)]));
    overall = [...tallies.values()].reduce(addTallies, emptyTally());
    // Printed before the assertions run so the figures are visible whether or not the floors hold.
    console.log(report(tallies, overall));
  });

  it('every held-out file mixes safeguarding and ordinary messages and covers all twelve categories', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const covered = new Set(file.lines.flatMap((line) => line.categories));
      expect({ file: file.name, missing: CATEGORIES.filter((category) => !covered.has(category)) }).toEqual({
        file: file.name,
        missing: [],
      });
      expect(file.lines.some((line) => line.risk === 'none')).toBe(true);
    }
  });

  it('the rules flag at least 60% of held-out safeguarding messages overall', () => {
    expect(share(overall.safeguardingFlagged, overall.safeguarding)).toBeGreaterThanOrEqual(0.6);
  });

  it('the rules flag at most 15% of held-out ordinary messages overall', () => {
    expect(share(overall.ordinaryFlagged, overall.ordinary)).toBeLessThanOrEqual(0.15);
  });
});
