/**
 * CSV reading and writing. Parsing is d3-dsv (RFC 4180 quoting, embedded newlines). Writing
 * quotes where needed and, in safe mode, defuses spreadsheet formulas: a text cell starting with
 * = + - @ or a tab/CR gets a leading apostrophe; plain numbers such as -0.62 are left as numbers.
 */
import { csvParseRows } from 'd3-dsv';

export function parseCsvRows(text: string): string[][] {
  const rows = csvParseRows(text);
  // A trailing blank line (or lines) is not a row; blank lines elsewhere are reported by callers.
  while (rows.length && rows[rows.length - 1]?.every((c) => c === '')) rows.pop();
  return rows;
}

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function csvCell(value: string | number | undefined | null, safe = true): string {
  if (value === undefined || value === null) return '';
  let s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (safe && typeof value === 'string' && FORMULA_START.test(s) && !PLAIN_NUMBER.test(s))
    s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(
  rows: readonly (readonly (string | number | undefined | null)[])[],
  safe = true,
): string {
  return rows.map((r) => r.map((c) => csvCell(c, safe)).join(',')).join('\r\n') + '\r\n';
}
