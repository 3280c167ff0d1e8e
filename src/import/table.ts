/** A decoded CSV file as header + rows, with header lookup that tolerates case and spacing. */
import { parseCsvRows } from './csv';

export interface Table {
  header: string[];
  rows: string[][];
}

export function parseTable(text: string): Table {
  const rows = parseCsvRows(text.replace(/^\uFEFF/, ''));
  const header = (rows.shift() ?? []).map((h) => h.trim());
  return { header, rows };
}

export const normaliseHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Index of a column by name, ignoring case, spaces and punctuation; -1 when absent. */
export function columnIndex(header: readonly string[], name: string): number {
  const want = normaliseHeader(name);
  return header.findIndex((h) => normaliseHeader(h) === want);
}

export function hasColumns(header: readonly string[], names: readonly string[]): boolean {
  return names.every((n) => columnIndex(header, n) >= 0);
}
