/**
 * CSV (RFC 4180) with formula injection defused: a cell starting with = + - @ or a control character is prefixed with
 * an apostrophe, so a spreadsheet shows it as text instead of running it. Anything a child or staff typed can be here.
 */
export function toCsv(header: string[], rows: (string | number | boolean | undefined)[][]): string {
  // Every row as wide as the header, so spreadsheets and parsers see one rectangular table.
  const padded = rows.map((row) => [...row, ...Array<undefined>(Math.max(0, header.length - row.length)).fill(undefined)]);
  return [header, ...padded].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
