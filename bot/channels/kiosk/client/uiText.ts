/**
 * The page's own words (the bot's words come from the server in the child's language). Drafted by the developers;
 * the Thai needs review by a native speaker who works with children. A language missing here falls back to English,
 * and every control also carries a pictogram.
 */
const TEXT = {
  en: {
    quickExit: 'Quick exit',
    language: 'Language',
    conversation: 'Conversation',
    choices: 'Choices',
    message: 'Type a message',
    send: 'Send',
    readAloud: 'Read aloud',
    you: 'You',
    bot: 'heard',
    stillThereTitle: 'Are you still there?',
    stillThereText: 'To keep your chat private, it will be cleared soon.',
    stillHere: 'I’m still here',
    connecting: 'Connecting…',
    settingUp: 'Setting up this tablet…',
    notSetUp: 'This tablet is not set up.',
  },
  th: {
    quickExit: 'ออกทันที',
    language: 'ภาษา',
    conversation: 'บทสนทนา',
    choices: 'ตัวเลือก',
    message: 'พิมพ์ข้อความ',
    send: 'ส่ง',
    readAloud: 'อ่านออกเสียง',
    you: 'คุณ',
    bot: 'heard',
    stillThereTitle: 'ยังอยู่ไหม',
    stillThereText: 'เพื่อความเป็นส่วนตัว แชทนี้จะถูกลบในอีกไม่นาน',
    stillHere: 'ฉันยังอยู่',
    connecting: 'กำลังเชื่อมต่อ…',
    settingUp: 'กำลังตั้งค่าแท็บเล็ตนี้…',
    notSetUp: 'แท็บเล็ตนี้ยังไม่ได้ตั้งค่า',
  },
} as const;

export type UiText = { [K in keyof (typeof TEXT)['en']]: string };

/** The words for a language tag ("th-TH" → Thai), and the tag they are really in (for `lang`). */
export function uiText(locale: string | undefined): { text: UiText; lang: string } {
  const base = (locale ?? 'en').toLowerCase().split('-')[0];
  return base in TEXT ? { text: TEXT[base as keyof typeof TEXT], lang: base } : { text: TEXT.en, lang: 'en' };
}
