import { skeleton } from './normalise';

/**
 * The "romanised" fold (a rule file's `"fold": "romanised"`): Hindi and Nepali typed in Latin letters have no fixed
 * spelling, so words are compared through a phonetic skeleton, and a word whose vowels were dropped SMS-style
 * ("mjhe", "mrna") still meets the full spelling ("mujhe", "marna").
 */

// Vowels, and h after a vowel ("nahi", "rahi"), are what SMS spelling drops ("nhi", "mrna", "bht").
const SOFT = /[aeiouh]/g;
const isVowel = (c: string | undefined) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';
const LOWER_ASCII = /^[a-z]+$/;

/**
 * A word's phonetic skeleton: ph→f, w→v, z→j, q→k, x→ch, ee→i, oo→u, doubled letters collapsed, the h of an
 * aspirate or sibilant dropped (kh, gh, chh, jh, th, dh, bh, sh → k, g, c, j, t, d, b, s) and y after a letter read
 * as i. "chhodo"/"chodo", "zabardasti"/"jabardasti", "bhookh"/"bhukh", "maarta"/"marta" each fold to one form.
 * Words that are not plain Latin letters are only collapsed, as everywhere else.
 */
export function foldWord(word: string): string {
  if (!LOWER_ASCII.test(word)) return skeleton(word);
  const spelled = word
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/z/g, 'j')
    .replace(/q/g, 'k')
    .replace(/x/g, 'ch')
    .replace(/ee/g, 'i')
    .replace(/oo/g, 'u')
    .replace(/(.)\1+/g, '$1')
    .replace(/([bcdfgjklmnprstv])h/g, '$1')
    .replace(/(?<=.)y/g, 'i');
  return spelled.replace(/(.)\1+/g, '$1');
}

/** The consonants of a folded word (no vowels, no h): words that can meet share it, so it indexes them. */
export function foldKey(folded: string): string {
  return folded.replace(SOFT, '');
}

/**
 * True when `short` is `long` written SMS-style: a run of vowels between consonants either kept whole or left out,
 * an h after a vowel kept or left out. The first letter and the word's last vowels stay ("mrna" is "marna", but
 * "kami" is not "kamaiya" and "mar" is not "umar" or "mara"). With `longPrefix`, `short` need only match the start
 * of `long`; with `shortPrefix`, the start of `short` need only match all of `long` (both for stems).
 */
function writtenShort(long: string, short: string, longPrefix: boolean, shortPrefix: boolean): boolean {
  if (long[0] !== short[0]) return false;
  let i = 0;
  let j = 0;
  while (j < long.length) {
    if (longPrefix && i === short.length) return true;
    const c = long[j];
    if (isVowel(c)) {
      let k = j;
      while (isVowel(long[k])) k++;
      const run = long.slice(j, k);
      if (short.startsWith(run, i) && !isVowel(short[i + run.length])) i += run.length;
      else if (j === 0 || k === long.length || isVowel(short[i])) return false;
      j = k;
    } else {
      if (short[i] === c) i++;
      else if (c !== 'h' || j === 0) return false;
      j++;
    }
  }
  return shortPrefix || i === short.length;
}

/**
 * Whether two folded words are the same word: equal, or one is the other written SMS-style. Fewer than two
 * consonants is too little to go on ("h" is not "hai", "n" is not "nahi"): such words must be equal.
 */
export function foldedSame(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length < long.length && foldKey(short).length >= 2 && writtenShort(long, short, false, false);
}

/**
 * Whether folded `word` starts with folded `stem` (a pattern's "maar*"), either written SMS-style ("mrta" for
 * "maar*", or a stem "mrt*" for "marta").
 */
export function foldedStartsWith(word: string, stem: string): boolean {
  if (word.startsWith(stem)) return true;
  if (foldKey(stem).length < 2) return false;
  return writtenShort(word, stem, true, false) || writtenShort(stem, word, false, true);
}
