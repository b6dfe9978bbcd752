import { Content } from '../content/loadContent';
import { normaliseLabel } from './recognizeChoice';

/** The word lists in `common.json` a child may type on their own: commands, and answers to a yes/no question. */
export type WordList = 'helpWords' | 'menuWords' | 'yesWords' | 'noWords';

const built = new WeakMap<Content, Map<string, ReadonlySet<string>>>();

/**
 * A word list in `lng` and in English, normalised (compare with normaliseInput of the message). Content does not
 * change while serving, so each set is built once per content and language.
 */
export function contentWords(content: Content, lng: string, list: WordList): ReadonlySet<string> {
  let sets = built.get(content);
  if (!sets) built.set(content, (sets = new Map()));
  const id = `${lng}:${list}`;
  let found = sets.get(id);
  if (!found) {
    const words = (l: string) => content.t(l)(list, { returnObjects: true }) as string[];
    sets.set(id, (found = new Set([...words(lng), ...words('en')].map(normaliseLabel))));
  }
  return found;
}
