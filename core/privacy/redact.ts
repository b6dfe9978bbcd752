/**
 * Removes what could identify a child or someone else before text is stored in the clear (the redacted copy that
 * lists, exports and alerts use) or sent to a model: phone numbers, emails, links, social handles, ID-card and
 * passport-like numbers, and names where a sentence announces one ("my name is …", "ชื่อ …").
 */
const PATTERNS: [RegExp, string][] = [
  [/\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/gu, '[email]'],
  [/\b(?:https?:\/\/|www\.)\S+/giu, '[link]'],
  [/\b[\w-]+\.(?:com|net|org|me|io|ly|co|th|vn|kh|la|ph|id|in|np|bd|my|cn)\/\S*/giu, '[link]'],
  [/(?<![\p{L}\p{N}])@[\p{L}\p{N}_.]{2,}/gu, '[handle]'],
  // Passport and ID-card like: letters followed by many digits, or long digit runs (Thai ID is 13 digits).
  [/(?<![\p{L}\p{N}])\p{Lu}{1,3}\d{6,9}(?![\p{L}\p{N}])/gu, '[id number]'],
  // Phone numbers: 7+ digits allowing spaces, dots, dashes, brackets and a leading +.
  [/(?<![\p{L}\p{N}])\+?\(?\d[\d\s().-]{5,}\d(?![\p{L}\p{N}])/gu, '[number]'],
];

// "my name is X" in our languages; the name is the next word (or, in scripts without spaces, a few letters).
const NAME_INTRO =
  /(my name is|my name's|i am called|call me|i'm called|ang pangalan ko ay|pangalan ko|nama saya|nama aku|nama gue|tên tôi là|tên em là|tên mình là|tên tui là|ten toi la|ten em la|mera naam|mero naam|मेरा नाम|मेरो नाम|আমার নাম|我叫|我的名字是|ฉันชื่อ|หนูชื่อ|ผมชื่อ|เราชื่อ|ชื่อ|ខ្ញុំឈ្មោះ|ឈ្មោះ|ຂ້ອຍຊື່|ຊື່|ကျွန်တော့်နာမည်|ကျွန်မနာမည်|နာမည်)\s*[:：]?\s*([\p{L}\p{M}]+)/giu;

/** Returns the text with identifying details replaced by bracketed placeholders. */
export function redact(text: string): string {
  let out = text.normalize('NFKC');
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  // In scripts without spaces the "next word" runs to the end of the phrase: over-redacting is the safe side.
  return out.replace(NAME_INTRO, (_m, intro: string) => `${intro} [name]`);
}
