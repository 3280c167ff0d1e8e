/**
 * The dataset as columns (after Apache Arrow and arquero): one Float64Array per numeric column
 * with missing as NaN (the DfE code that made it missing kept beside it, sparsely), text columns
 * dictionary-coded, per-row extras kept sparse. The engine loops over these; a row is only
 * turned back into an object (`schoolYearAt`) when one school is shown or explained.
 *
 * Everything here is plain data (typed arrays, arrays, Maps), so a table crosses to and from a
 * Web Worker by structured clone or, for its buffers, by transfer.
 */
import { PHASES, type Phase } from '../types';
import type { TextColumn } from './text-column';

/** A text column: per-row index into `dict`. */
export interface DictColumn {
  codes: Int32Array;
  /** Distinct values (a DictBuilder makes them so; the roll-up names groups by them). */
  dict: string[];
}

export interface SchoolTable {
  /** Number of rows (school-years). */
  n: number;
  /** URNs and names as UTF-8 bytes, decoded when shown (textOf, allTexts). */
  urn: TextColumn;
  name: TextColumn;
  laCode: DictColumn;
  laName: DictColumn;
  /** Index into PHASES. */
  phase: Uint8Array;
  partnership: DictColumn;
  year: DictColumn;
  /** Alternative groupings by name ("trust"); "" where the row has none. */
  groupings: Map<string, DictColumn>;
  /** Every numeric column by name; NaN is missing, never 0. */
  numeric: Map<string, Float64Array>;
  /** column -> row -> DfE missing code (e.g. SUPP), only where a code was given. */
  missingCodes: Map<string, ReadonlyMap<number, string>>;
  /** column -> 1 where that row's value is illustrative (not the school's own). */
  illustrative: Map<string, Uint8Array>;
  lat: Float64Array;
  lon: Float64Array;
  /** Sparse per-row extras, only for showing one school. */
  notes: Map<number, readonly string[]>;
  valueDates: Map<number, Readonly<Record<string, string>>>;
  /** Extra numeric columns beyond the canonical ones, in file order. */
  extraColumns: string[];
}

export const PHASE_INDEX: ReadonlyMap<Phase, number> = new Map(PHASES.map((p, i) => [p, i]));

export const phaseAt = (t: SchoolTable, row: number): Phase =>
  PHASES[t.phase[row] as number] as Phase;
export const textAt = (c: DictColumn, row: number): string =>
  c.dict[c.codes[row] as number] as string;

/** A column of NaN, for a column the table does not have (every value missing). */
export function missingColumn(n: number): Float64Array {
  return new Float64Array(n).fill(NaN);
}

/** The values of a column, or all-missing when the table has no such column. */
export function columnValues(t: SchoolTable, column: string): Float64Array {
  return t.numeric.get(column) ?? missingColumn(t.n);
}

/** The value of a column in a row, or undefined when missing. */
export function valueAt(t: SchoolTable, column: string, row: number): number | undefined {
  const v = t.numeric.get(column)?.[row];
  return v === undefined || Number.isNaN(v) ? undefined : v;
}

/** The illustrative flags of those columns that have any (most data has none). */
export function illustrativeFlags(t: SchoolTable, columns: Iterable<string>): Uint8Array[] {
  return [...columns].flatMap((c) => {
    const f = t.illustrative.get(c);
    return f ? [f] : [];
  });
}

/**
 * Whether any of the columns holds an illustrative value in this row (for one row: no array
 * made, as `rate` asks it for every row and indicator; for many rows, illustrativeFlags once).
 */
export function isIllustrative(t: SchoolTable, columns: Iterable<string>, row: number): boolean {
  for (const c of columns) if (t.illustrative.get(c)?.[row]) return true;
  return false;
}
