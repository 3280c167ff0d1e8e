/** Shared shapes of the importers: what one row of one file contributes, and the per-file report. */
import type { Phase } from '../domain/types';
import type { Encoding } from './decode';
import type { ImportProblem } from './problems';

export interface Contribution {
  urn: string;
  /** Academic year the values belong to; undefined for a snapshot (GIAS, lists, mappings). */
  year?: string;
  name?: string;
  laCode?: string;
  laName?: string;
  phase?: Phase;
  partnership?: string;
  groupings?: Record<string, string>;
  lat?: number;
  lon?: number;
  lsoa?: string;
  /** Successor URN named by the file itself (e.g. school details "Other URN"). */
  successor?: string;
  /** A school type no importer knows, kept with phase unknown (said in the report). */
  unknownType?: string;
  values: Record<string, number>;
  missingCodes: Record<string, string>;
  /** Row number in the file (header = 1). */
  row: number;
}

export interface SkipTally {
  count: number;
  /** First few row numbers, so a person can find examples. */
  rows: number[];
}

export interface FileReport {
  file: string;
  kind: string;
  /** Human name of what the file was recognised as. */
  kindLabel: string;
  encoding: Encoding | 'n/a';
  /** Year the file's values were assigned to, or "snapshot". */
  year: string;
  /** Data rows read (excluding the header). */
  rowsRead: number;
  /** Rows whose values reached the dataset. */
  rowsMerged: number;
  /** Rows not used, by reason. rowsRead = rowsMerged + sum of skipped counts. */
  skipped: Record<string, SkipTally>;
  /** Values read as missing, by column and DfE code (e.g. ks2_rwm_exp_pct: { SUPP: 12 }). */
  missing: Record<string, Record<string, number>>;
  /** Problems that stopped the file being read at all. */
  problems: ImportProblem[];
  notes: string[];
  /** Canonical columns read under another definition than the usual one, with what it is. */
  definitions: Record<string, string>;
}

export function newReport(
  file: string,
  kind: string,
  kindLabel: string,
  encoding: FileReport['encoding'],
  year: string,
): FileReport {
  return {
    file,
    kind,
    kindLabel,
    encoding,
    year,
    rowsRead: 0,
    rowsMerged: 0,
    skipped: {},
    missing: {},
    problems: [],
    notes: [],
    definitions: {},
  };
}

export function skip(report: FileReport, reason: string, row: number): void {
  const t = (report.skipped[reason] ??= { count: 0, rows: [] });
  t.count++;
  if (t.rows.length < 5) t.rows.push(row);
}

export function countMissing(report: FileReport, column: string, code: string): void {
  const byCode = (report.missing[column] ??= {});
  byCode[code] = (byCode[code] ?? 0) + 1;
}

/** A file read into contributions, before merging. */
export interface ParsedFile {
  report: FileReport;
  contributions: Contribution[];
  /** Lookup files (URN successors, LA names, IMD by LSOA) contribute maps instead of rows. */
  urnSuccessors?: Map<string, string>;
  laNames?: Map<string, string>;
  lsoaValues?: Map<string, Record<string, number>>;
  /** URNs of rows skipped, with the reason (explains later "not in the school list" skips). */
  skippedUrns?: Map<string, string>;
  /** When the snapshot's values were recorded (e.g. GIAS census date), for provenance. */
  asOf?: string;
  /** Per-column dates where they differ (GIAS capacity is as of the extract, pupils the census). */
  asOfByColumn?: Record<string, string>;
}
