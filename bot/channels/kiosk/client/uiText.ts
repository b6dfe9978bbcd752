import en from '../../../../content/locales/en/kiosk.json';
import bn from '../../../../content/locales/bn/kiosk.json';
import fil from '../../../../content/locales/fil/kiosk.json';
import hi from '../../../../content/locales/hi/kiosk.json';
import id from '../../../../content/locales/id/kiosk.json';
import km from '../../../../content/locales/km/kiosk.json';
import lo from '../../../../content/locales/lo/kiosk.json';
import my from '../../../../content/locales/my/kiosk.json';
import ne from '../../../../content/locales/ne/kiosk.json';
import th from '../../../../content/locales/th/kiosk.json';
import vi from '../../../../content/locales/vi/kiosk.json';
import zhHans from '../../../../content/locales/zh-Hans/kiosk.json';

/**
 * The page's own words (the bot's words come from the server in the child's language), from the `kiosk` namespace
 * of content/locales, whose completeness the content tests check. All twelve ship in the bundle (about 3 KB
 * gzipped) so the words can change the moment the child picks a language, without another request.
 */
export type UiText = typeof en;

const TEXT: Record<string, UiText> = { en, bn, fil, hi, id, km, lo, my, ne, th, vi, 'zh-Hans': zhHans };
/** Bare or regional tags that name one of ours ("zh-CN" → zh-Hans, "tl" is the older tag for Filipino). */
const ALIASES: Record<string, string> = { zh: 'zh-Hans', tl: 'fil' };

/** The words for a language tag ("th-TH" → Thai), and the tag they are really in (for `lang`). */
export function uiText(locale: string | undefined): { text: UiText; lang: string } {
  const tag = (locale ?? 'en').toLowerCase();
  const exact = Object.keys(TEXT).find((lng) => lng.toLowerCase() === tag);
  const base = tag.split('-')[0];
  const lang = exact ?? (base in TEXT ? base : ALIASES[base]) ?? 'en';
  return { text: TEXT[lang], lang };
}
