/** Whether this browser can read aloud (many kiosk tablets can; some have no voice for Khmer or Lao). */
export const canSpeak =
  typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';

/** Reads a message aloud in its own language, stopping anything still being read. */
export function speak(text: string, lang: string | undefined): void {
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  if (lang) utterance.lang = lang;
  speechSynthesis.speak(utterance);
}

/** Stops reading at once: nothing may go on being said after quick exit or a wipe. */
export function stopSpeaking(): void {
  if (canSpeak) speechSynthesis.cancel();
}
