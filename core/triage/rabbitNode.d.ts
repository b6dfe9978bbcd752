// rabbit-node ships no types: its two converters take and return a string.
declare module 'rabbit-node' {
  export function zg2uni(text: string): string;
  export function uni2zg(text: string): string;
}
