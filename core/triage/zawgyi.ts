import { zg2uni } from 'rabbit-node';

const MYANMAR = /\p{Script=Myanmar}/u;

/**
 * The readings of a message to screen. Many phones in Myanmar still type Zawgyi, a font hack that puts Burmese in
 * the wrong code points, and no detector is reliable on a short message. So a message with Burmese letters is
 * screened both as typed and as converted from Zawgyi (Rabbit's rules); screening only ever raises, and converting
 * real Unicode text garbles it into something no rule matches, so reading both costs nothing in accuracy.
 */
export function readings(text: string): string[] {
  if (!MYANMAR.test(text)) return [text];
  const converted = zg2uni(text);
  return converted === text ? [text] : [text, converted];
}
