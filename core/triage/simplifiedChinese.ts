import { Converter } from 'opencc-js/t2cn';

const HAN = /\p{Script=Han}/u;

type Convert = (text: string) => string;
let convert: Convert | undefined;

/**
 * Chinese in simplified characters. Children in Taiwan, Hong Kong or Macau type traditional characters, and rules
 * are written in simplified: messages and patterns are both compared in simplified form, so one pattern covers
 * both. OpenCC's Hong Kong and Taiwan tables are applied in turn, as their variant characters differ (衞, 著).
 * The dictionaries (about 7 MB of heap) load on the first text with Han characters.
 */
export function toSimplified(text: string): string {
  if (!HAN.test(text)) return text;
  if (!convert) {
    const fromHongKong = Converter({ from: 'hk', to: 'cn' });
    const fromTaiwan = Converter({ from: 'tw', to: 'cn' });
    convert = (value) => fromTaiwan(fromHongKong(value));
  }
  return convert(text);
}
