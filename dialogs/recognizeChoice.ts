import { LRUCache } from 'lru-cache';
import { toSimplified } from '../core/triage/simplifiedChinese';

/** One option of a choice: `value` is what the dialog gets back, `title` what the child sees. */
export interface ChoiceOption {
  value: string;
  title: string;
  /** Other words a child may type for it. */
  synonyms?: string[];
}

/**
 * Normalises typed text for matching: width, case, punctuation, emoji, native digits (๓, ៣, ३, ৩ …), and
 * traditional Chinese read as simplified like our content ("沒有了" is "没有了").
 */
export function normaliseInput(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/\p{Nd}/gu, (d) => {
      const n = nativeDigitValue(d);
      return n === undefined ? d : String(n);
    })
    .replace(/[\p{P}\p{S}\p{Extended_Pictographic}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * normaliseInput for the words of our own content (button titles, synonyms, command words): the same few hundred
 * strings come back on every turn of every child, so each is normalised once. The cap keeps a bug that passes
 * children's text here from growing the cache without end.
 */
export function normaliseLabel(label: string): string {
  let normal = labelCache.get(label);
  if (normal === undefined) labelCache.set(label, (normal = normaliseInput(label)));
  return normal;
}
const labelCache = new LRUCache<string, string>({ max: 20_000 });

function nativeDigitValue(d: string): number | undefined {
  const code = d.codePointAt(0)!;
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  // Unicode decimal digits come in runs of ten starting at a code point ending in 0 (…0 to …9).
  for (let zero = code; zero > code - 10; zero--) {
    if (/\p{Nd}/u.test(String.fromCodePoint(zero)) && !/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) {
      return code - zero;
    }
  }
  return undefined;
}

/**
 * Finds the option a child meant: its number (1-based, in any script's digits), its title, a synonym, or a
 * word unique to one option inside a longer sentence. Returns undefined when unsure rather than guessing.
 */
export function recognizeChoice(text: string, options: ChoiceOption[]): ChoiceOption | undefined {
  const input = normaliseInput(text);
  if (!input) return undefined;
  const numbered = /^(\d{1,2})$/.exec(input);
  if (numbered) return options[Number(numbered[1]) - 1];
  const words = (o: ChoiceOption) => [o.title, ...(o.synonyms ?? [])].map(normaliseLabel).filter(Boolean);
  const exact = options.filter((o) => [...words(o), normaliseLabel(o.value)].includes(input));
  if (exact.length === 1) return exact[0];
  // A value is an id ("no", "food"): only the whole message may be one, or "i dont know" would be "no".
  const contained = options.filter((o) => words(o).some((l) => l.length >= 2 && (input.includes(l) || (input.length >= 3 && l.includes(input)))));
  return contained.length === 1 ? contained[0] : undefined;
}
