/**
 * Reading one numeric cell of a DfE file. Empty cells and DfE codes are missing, never zero;
 * "92%" reads as 92 and "29,199" as 29199. Anything else that is not a number is invalid and
 * is reported with its row and column by the caller.
 */
export const MISSING_CODES = ['SUPP', 'NE', 'NP', 'LOWCOV', 'NA', 'x', ':'] as const;
const CODE_SET = new Set<string>(MISSING_CODES.map((c) => c.toUpperCase()));
// Seen in DfE and GIAS extracts as well; read as missing but reported under their own spelling.
// (EES writes z not applicable, x not available, c confidential.)
const ALSO_MISSING = new Set(['N/A', 'DNS', 'NEW', 'NULL', 'Z', 'C', '..', '-', '*']);

export type Cell =
  | { kind: 'value'; value: number }
  | { kind: 'missing'; code?: string }
  | { kind: 'invalid'; text: string };

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

export function parseNumericCell(raw: string | undefined): Cell {
  const text = (raw ?? '').trim();
  if (text === '') return { kind: 'missing' };
  const upper = text.toUpperCase();
  if (CODE_SET.has(upper) || ALSO_MISSING.has(upper)) return { kind: 'missing', code: text };
  let t = text.endsWith('%') ? text.slice(0, -1).trim() : text;
  if (GROUPED.test(t)) t = t.replace(/,/g, '');
  if (!NUMBER.test(t))
    return { kind: 'invalid', text: text.length > 40 ? `${text.slice(0, 40)}…` : text };
  const value = Number(t);
  return Number.isFinite(value) ? { kind: 'value', value } : { kind: 'invalid', text };
}
