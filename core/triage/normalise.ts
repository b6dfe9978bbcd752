import { toSimplified } from './simplifiedChinese';

/**
 * Text normalisation shared by messages and rule patterns. Both go through the same function, so a pattern written
 * "don't" or "self-harm" matches "dont", "don’t" and "self harm" alike.
 */

// An alternation, not a class: a class holding the zero-width joiner trips lint as a "combined character".
const ZERO_WIDTH = /\u200b|\u200c|\u200d|\u2060|\ufeff|\u00ad|\ufe0e|\ufe0f/gu;
// Apostrophes vanish rather than split words: "don't" and "dont" must be the same word.
const APOSTROPHES = /['\u2018\u2019\u02bc`\u00b4]/gu;
// Hyphens, underscores, slashes, quotation marks and symbols separate words but do not end a clause: in "what does
// “bully” mean" the question and the word stay in one clause. Emoji are kept as words of their own: "😂" is a
// figurative marker as much as "lol".
const WORD_SEPARATORS = /[\p{Pd}\p{Pc}\p{Pi}\p{Pf}"«»「」『』《》&/\\#@*]|(?!\p{Extended_Pictographic})\p{S}/gu;
const CLAUSE_BREAK = /[\p{P}\n\r\u2028\u2029]+/u;
const REPEATS = /(\p{L}|\p{M})\1{2,}/gu;
const DOUBLED = /(\p{L})\1+/gu;
const WORD = /[\p{L}\p{M}\p{N}]+|\p{Extended_Pictographic}/gu;
// A word written half in Latin and half in another script ("ผมอยากkill") is two words.
const SCRIPT_SEAM = /(?<=\p{sc=Latin})(?=[^\P{L}\p{sc=Latin}])|(?<=[^\P{L}\p{sc=Latin}])(?=\p{sc=Latin})/gu;

// eslint-disable-next-line no-control-regex -- "all ASCII" must include control characters
const ASCII = /^[\x00-\x7f]*$/;
const LEET_CHARS = /[0-9@$!]/;
const LEET_RUN = /[a-z0-9@$!]*[a-z][a-z0-9@$!]*/g;
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

/**
 * Undoes common Latin obfuscation ("k1ll", "d!e", "su1c1de"). A digit is read as a letter only after a letter in
 * the same run, so "3am" and "14" stay numbers; a symbol only between letters, so "help!" keeps its clause break.
 */
function undoLeet(text: string): string {
  if (!LEET_CHARS.test(text)) return text;
  return text.replace(LEET_RUN, (run) => {
    if (!LEET_CHARS.test(run)) return run;
    let out = '';
    let seenLetter = false;
    for (let i = 0; i < run.length; i++) {
      const c = run[i];
      const isLetter = c >= 'a' && c <= 'z';
      const mapped = LEET[c];
      const isDigit = c >= '0' && c <= '9';
      const next = run[i + 1];
      const symbolOk = !isDigit && seenLetter && next !== undefined && /[a-z0-9]/.test(next);
      out += mapped !== undefined && seenLetter && (isDigit || symbolOk) ? mapped : c;
      seenLetter ||= isLetter;
    }
    return out;
  });
}

function clean(text: string, ascii: boolean): string {
  const unified = ascii
    ? text.toLowerCase()
    : toSimplified(text.normalize('NFKC').toLowerCase().replace(ZERO_WIDTH, ''));
  return undoLeet(unified.replace(APOSTROPHES, '')).replace(WORD_SEPARATORS, ' ').replace(REPEATS, '$1$1');
}

/** Whether normalising `text` would end a clause somewhere inside it (a pattern holding one could never match). */
export function breaksClause(text: string): boolean {
  return CLAUSE_BREAK.test(clean(text, ASCII.test(text)));
}

/** Normalised text as clauses, each a list of words. */
export type Clauses = string[][];

/**
 * Normalises text (NFKC, lower case, zero-width removed, obfuscation undone, letters repeated more than twice
 * squeezed to two) and splits it into clauses of words. Punctuation and line breaks end a clause, and so does any
 * word in `clauseBreaks` ("but", "because").
 */
export function toClauses(text: string, clauseBreaks: ReadonlySet<string> = new Set()): Clauses {
  // Plain ASCII (most messages) is already NFKC, has no zero-width characters and no script seams.
  const ascii = ASCII.test(text);
  const clauses: Clauses = [];
  for (const part of clean(text, ascii).split(CLAUSE_BREAK)) {
    let current: string[] = [];
    for (const word of (ascii ? part : part.replace(SCRIPT_SEAM, ' ')).match(WORD) ?? []) {
      if (clauseBreaks.has(word)) {
        if (current.length > 0) clauses.push(current);
        current = [];
      } else current.push(word);
    }
    if (current.length > 0) clauses.push(current);
  }
  return clauses;
}

const INDIC = /[\u0900-\u09ff]/;
// Devanagari: candrabindu and anusvara dropped, nukta dropped, long ī/ū read as short. Bengali: candrabindu dropped,
// long ī/ū read as short. Children (and keyboards) mix these freely ("नहीं", "नही", "नहि"; "বাড়ী", "বাড়ি").
// An alternation, not a class: a class of combining signs trips lint as "combined characters".
const INDIC_SPELLING =
  /\u0901|\u0902|\u093c|\u0981|\u0940|\u0942|\u0908|\u090a|\u09c0|\u09c2|\u0988|\u098a/g;
const INDIC_SHORT: Record<string, string> = {
  '\u0940': '\u093f',
  '\u0942': '\u0941',
  '\u0908': '\u0907',
  '\u090a': '\u0909',
  '\u09c0': '\u09bf',
  '\u09c2': '\u09c1',
  '\u0988': '\u0987',
  '\u098a': '\u0989',
};

/** A Devanagari or Bengali word with the spelling variants above folded; other words are returned as they are. */
export function plainIndic(word: string): string {
  if (!INDIC.test(word)) return word;
  return word.replace(INDIC_SPELLING, (sign) => INDIC_SHORT[sign] ?? '');
}

/**
 * A word with runs of the same letter collapsed to one. Word matching compares these, so "diee" (from "dieeee")
 * still finds "die", and romanised spellings that differ only by doubling ("maar"/"mar") meet. A word that is one
 * letter repeated ("kkk" laughter, "zzz", Hindi "aa") is kept as it is: collapsed it would become a different,
 * one-letter word ("k" is "không" in Vietnamese chat).
 */
export function skeleton(spelled: string): string {
  const word = plainIndic(spelled);
  for (let i = 1; i < word.length; i++) {
    if (word[i] !== word[i - 1]) continue;
    const collapsed = word.replace(DOUBLED, '$1');
    return collapsed.length > 1 ? collapsed : word;
  }
  return word;
}
