/** The languages heard speaks, in the order the language picker shows them. */
export const LANGUAGES = ['en', 'th', 'vi', 'km', 'lo', 'my', 'id', 'fil', 'ne', 'bn', 'hi', 'zh-Hans'] as const;
export type Language = (typeof LANGUAGES)[number];

// Channel locales that do not reduce to one of ours by their first subtag.
const ALIASES: Record<string, Language> = { tl: 'fil', in: 'id', zh: 'zh-Hans', 'zh-cn': 'zh-Hans', 'zh-sg': 'zh-Hans' };

/** Maps a channel locale ("th-TH", "zh-CN", "tl") to a language we have, if any. */
export function languageFromLocale(locale: string | undefined, available: readonly string[]): Language | undefined {
  if (!locale) return undefined;
  const lower = locale.toLowerCase().replace('_', '-');
  const candidates = [ALIASES[lower], lower, ALIASES[lower.split('-')[0]], lower.split('-')[0]];
  if (lower.startsWith('zh-hans')) candidates.unshift('zh-Hans');
  return candidates.find((c): c is Language => !!c && available.includes(c));
}
