import { z } from 'zod';

/** `locales/<lng>/rightsKeywords.json`: words a child may type for each topic, and `_general` for "my rights". */
export const rightsKeywordsSchema = z.record(z.string(), z.array(z.string().trim().min(1)).min(1));
export type RightsKeywords = z.infer<typeof rightsKeywordsSchema>;

export const GENERAL = '_general';

interface Entry {
  lng: string;
  term: string;
  topic: string;
  /** Match anywhere (scripts without spaces) rather than at word starts. */
  anywhere: boolean;
}

const SEGMENTED = /[\p{Script=Thai}\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Han}]/u;

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]/gu, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Finds the rights topic a free-text question is about, from every language's keyword lists: the topic whose
 * keywords cover the most characters of the question wins. `_general` means "tell me my rights" (show the list).
 */
export class RightsIndex {
  private readonly entries: Entry[] = [];

  constructor(byLanguage: Record<string, RightsKeywords>) {
    for (const [lng, keywords] of Object.entries(byLanguage)) {
      for (const [topic, terms] of Object.entries(keywords)) {
        for (const raw of terms) {
          const term = normalise(raw);
          if (term) this.entries.push({ lng, term, topic, anywhere: SEGMENTED.test(term) });
        }
      }
    }
  }

  /**
   * The best topic id for a question, or undefined when nothing matches. The child's own language is tried first
   * (a word in one language can be another word in the next: Hindi "saja" is Indonesian "only"), then all.
   */
  match(question: string, lng?: string): string | undefined {
    const text = ` ${normalise(question)} `;
    return (lng && this.best(text, this.entries.filter((e) => e.lng === lng))) || this.best(text, this.entries);
  }

  private best(text: string, entries: Entry[]): string | undefined {
    const scores = new Map<string, number>();
    for (const e of entries) {
      const found = e.anywhere ? text.includes(e.term) : text.includes(` ${e.term}`);
      if (found) scores.set(e.topic, (scores.get(e.topic) ?? 0) + e.term.length);
    }
    // A specific topic beats the general "rights" words that most questions also contain.
    const general = scores.get(GENERAL);
    scores.delete(GENERAL);
    const best = [...scores.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best) return best[0];
    return general ? GENERAL : undefined;
  }
}
