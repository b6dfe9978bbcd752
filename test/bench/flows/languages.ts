import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RuleScreener } from '../../../core/triage/ruleScreener';

/** What a simulated child types in one language (buttons are tapped by position, so they need no words here). */
export interface FlowLanguage {
  code: string;
  /** The language button's title on the first question. */
  button: string;
  hello: string;
  /** A free-text question the rights index maps to the list of rights. */
  rightsQuestion: string;
  /** An everyday complaint (a broken TV) that no safeguarding rule should flag, as the flows expect. */
  complaint: string;
}

export const FLOW_LANGUAGES: FlowLanguage[] = [
  {
    code: 'en',
    button: 'English',
    hello: 'hi',
    rightsQuestion: 'what are my rights',
    complaint: 'The TV in the common room is broken',
  },
  { code: 'th', button: 'ไทย', hello: 'สวัสดี', rightsQuestion: 'หนูมีสิทธิอะไรบ้าง', complaint: 'ทีวีในห้องรวมเสีย' },
  { code: 'km', button: 'ភាសាខ្មែរ', hello: 'សួស្តី', rightsQuestion: 'ខ្ញុំមានសិទ្ធិអ្វីខ្លះ', complaint: 'ទូរទស្សន៍ខូច' },
  { code: 'lo', button: 'ພາສາລາວ', hello: 'ສະບາຍດີ', rightsQuestion: 'ຂ້ອຍມີສິດຫຍັງແດ່', complaint: 'ໂທລະທັດເພ' },
  {
    code: 'my',
    button: 'မြန်မာဘာသာ',
    hello: 'မင်္ဂလာပါ',
    rightsQuestion: 'ဘာအခွင့်အရေးတွေရှိလဲ',
    complaint: 'တီဗွီ ပျက်နေတယ်',
  },
];

/**
 * The concern-to-queue probes disclose something in this category and the flows never do, so a probe's report is
 * the only new one in `GET /admin/api/reports?category=...` while it is waited for.
 */
export const PROBE_CATEGORY = 'trafficking_contact';

export interface DisclosureTexts {
  /** Flagged by the rules, not in the probe category: what the ~5% of flows disclose midway. */
  concerns: Map<string, string[]>;
  /** Flagged in the probe category. */
  probes: Map<string, string[]>;
}

/**
 * Picks disclosure texts from the triage fixtures, keeping only those the rule screener really flags in that
 * language, and checks that the ordinary texts of the flows are not flagged (they would file concerns).
 */
export function disclosureTexts(screener: RuleScreener, fixturesDir: string): DisclosureTexts {
  const concerns = new Map<string, string[]>();
  const probes = new Map<string, string[]>();
  for (const lang of FLOW_LANGUAGES) {
    for (const text of [lang.hello, lang.rightsQuestion, lang.complaint]) {
      const s = screener.screen(text, lang.code);
      if (s.risk !== 'none')
        throw new Error(`the ordinary ${lang.code} text "${text}" is flagged ${s.risk}: pick another`);
    }
    const lines = readFileSync(path.join(fixturesDir, `${lang.code}.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    for (const line of lines) {
      const fixture = JSON.parse(line) as { text: string; risk: string };
      if (fixture.risk === 'none') continue;
      const s = screener.screen(fixture.text, lang.code);
      if (s.risk === 'none') continue;
      const into = s.categories.includes(PROBE_CATEGORY) ? probes : concerns;
      into.set(lang.code, [...(into.get(lang.code) ?? []), fixture.text]);
    }
    if (!concerns.get(lang.code)?.length)
      throw new Error(`no ${lang.code} fixture text is flagged by the rules`);
  }
  return { concerns, probes };
}
