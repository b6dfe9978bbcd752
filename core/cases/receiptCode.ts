import { randomInt } from 'node:crypto';
import { SecretKeys } from '../privacy/secretKeys';

/**
 * The receipt code a child keeps to follow their report: 12 random digits shown as dddd-dddd-dddd. Digits only,
 * so it can be typed on any phone keypad and read aloud; only its keyed hash is stored.
 */
export function newReceiptCode(): string {
  let digits = '';
  for (let i = 0; i < 12; i++) digits += String(randomInt(10));
  return formatReceiptCode(digits);
}

export function formatReceiptCode(digits: string): string {
  return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}`;
}

/** Reads a typed code: any separators, any script's digits; undefined unless exactly 12 digits. */
export function parseReceiptCode(text: string): string | undefined {
  const digits = [...text.normalize('NFKC')]
    .filter((ch) => /\p{Nd}/u.test(ch))
    .map((ch) => String(digitValue(ch)))
    .join('');
  return digits.length === 12 ? digits : undefined;
}

function digitValue(ch: string): number {
  const code = ch.codePointAt(0)!;
  let zero = code;
  while (zero > code - 9 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return code - zero;
}

/** The stored form of a code (12 digits, no separators). */
export function hashReceiptCode(keys: SecretKeys, digits: string): string {
  return keys.hash('receipt', digits);
}
