import { TurnContext } from 'botbuilder';
import { Content } from '../content/loadContent';
import { turnFacts } from './childProfile';
import { normaliseLabel } from './recognizeChoice';

/** The words that answer a yes/no question on their own, normalised. */
export interface YesNo {
  yes: ReadonlySet<string>;
  no: ReadonlySet<string>;
}

/**
 * What a child may type instead of tapping "yes" or "no" ("没有了", "ko", "hindi po", "nope"): the child's language's
 * `yesWords`/`noWords` and English ones. Only a whole message counts, never a word inside a sentence: "no" is inside
 * "know", and "ya" inside "saya". Content does not change while serving, so each language's sets are built once.
 */
export function yesNoWords(content: Content): (context: TurnContext) => YesNo {
  let lookup = lookups.get(content);
  if (!lookup) lookups.set(content, (lookup = buildLookup(content)));
  return lookup;
}
const lookups = new WeakMap<Content, (context: TurnContext) => YesNo>();

function buildLookup(content: Content): (context: TurnContext) => YesNo {
  const byLanguage = new Map<string, YesNo>();
  const list = (lng: string, key: 'yesWords' | 'noWords') =>
    content.t(lng)(key, { returnObjects: true }) as string[];
  return (context) => {
    const lng = turnFacts(context).profile.language ?? 'en';
    let words = byLanguage.get(lng);
    if (!words) {
      const set = (key: 'yesWords' | 'noWords') => new Set([...list(lng, key), ...list('en', key)].map(normaliseLabel));
      byLanguage.set(lng, (words = { yes: set('yesWords'), no: set('noWords') }));
    }
    return words;
  };
}
