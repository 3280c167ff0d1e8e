/**
 * Most DfE/GIAS files map column-for-column onto the canonical dataset, so each kind is a
 * declarative spec read by one loop here: recognise by header, map numeric columns, fill
 * identity fields, skip with a reason. Every row ends up merged or counted under a reason.
 */
import type { Contribution, FileReport } from './model';
import { countMissing, skip } from './model';
import { parseNumericCell } from './cells';
import { columnIndex, type Table } from './table';
import { columnLabel, implausible, PLAUSIBLE_RANGE } from '../domain/columns';

export type Getter = (column: string) => string;

export interface SourceColumn {
  column: string;
  /** What the value means when it differs from the canonical definition, e.g. "15% of sessions". */
  definition?: string;
}

const aliasesOf = (src: string | readonly SourceColumn[]): readonly SourceColumn[] =>
  typeof src === 'string' ? [{ column: src }] : src;

export interface FileSpec {
  kind: string;
  label: string;
  /** Columns that identify this kind of file (all must be present). */
  signature: readonly string[];
  /** At least one of these must be present too, when given. */
  anyOf?: readonly string[];
  urnColumn: string;
  /** True for files describing schools as they are now (GIAS, lists): values go to the snapshot year. */
  snapshot?: boolean;
  /** Year from a column of the row (scraped performance tables carry "Academic Year"). */
  rowYear?: (get: Getter) => string | undefined;
  /**
   * Canonical column -> the source column(s) it may come from, first found wins. An alias can
   * carry a definition that differs from the canonical one (persistent absence at 15% before
   * 2015/16): the report and the dataset's sources say which was used. A mapped column the file
   * lacks is reported, never dropped without a word.
   */
  numeric?: Readonly<Record<string, string | readonly SourceColumn[]>>;
  /** A reason to skip the row, or undefined to keep it. */
  skipReason?: (get: Getter) => string | undefined;
  /** Fills identity and grouping fields; may return a skip reason. */
  fill?: (get: Getter, c: Contribution) => string | undefined;
  /** Definitions of columns `fill` works out (a figure derived from others says how). */
  definitions?: Readonly<Record<string, string>>;
}

/** URNs are whole numbers; some files write them as floats ("100000.0"). */
export function normaliseUrn(raw: string): string | undefined {
  const t = raw.trim().replace(/\.0+$/, '');
  return /^\d{1,9}$/.test(t) ? t : undefined;
}

export function readWithSpec(
  spec: FileSpec,
  table: Table,
  report: FileReport,
  year: string | undefined,
  skippedUrns?: Map<string, string>,
): Contribution[] {
  const { header, rows } = table;
  const indexCache = new Map<string, number>();
  const idx = (c: string) => {
    let i = indexCache.get(c);
    if (i === undefined) indexCache.set(c, (i = columnIndex(header, c)));
    return i;
  };
  Object.assign(report.definitions, spec.definitions);
  const numeric: [string, string][] = [];
  for (const [canonical, src] of Object.entries(spec.numeric ?? {})) {
    const aliases = aliasesOf(src);
    const found = aliases.find((a) => idx(a.column) >= 0);
    if (!found) {
      report.notes.push(
        `column ${aliases.map((a) => a.column).join(' or ')} not found: ${columnLabel(canonical)} will have no data from this file`,
      );
      continue;
    }
    numeric.push([canonical, found.column]);
    if (found.definition) {
      report.definitions[canonical] = found.definition;
      report.notes.push(
        `${columnLabel(canonical)} read from ${found.column}: ${found.definition}, not comparable with values of the usual definition`,
      );
    }
  }
  const out: Contribution[] = [];
  const unknownTypes = new Map<string, number[]>();
  let shortRows = 0;
  let longRows = 0;
  rows.forEach((cells, i) => {
    const row = i + 2;
    report.rowsRead++;
    const get: Getter = (c) => {
      const j = idx(c);
      return j < 0 ? '' : (cells[j] ?? '').trim();
    };
    if (cells.length === 1 && cells[0] === '') return skip(report, 'blank line', row);
    // DfE tables end a row early when a school has nothing further published, and GIAS
    // spills multi-valued "Linked establishments" into extra cells: read both, and say so.
    if (cells.length < header.length) shortRows++;
    else if (cells.length > header.length) longRows++;
    const rawUrn = get(spec.urnColumn);
    const urn = normaliseUrn(rawUrn);
    const skipUrn = (why: string) => {
      if (urn && skippedUrns && !skippedUrns.has(urn)) skippedUrns.set(urn, why);
      skip(report, why, row);
    };
    const reason = spec.skipReason?.(get);
    if (reason) return skipUrn(reason);
    if (!rawUrn) return skip(report, 'no URN (not a school row)', row);
    if (!urn) return skip(report, `URN "${rawUrn.slice(0, 20)}" is not a number`, row);
    const rowYear = spec.snapshot ? undefined : (spec.rowYear?.(get) ?? year);
    const c: Contribution = {
      urn,
      values: {},
      missingCodes: {},
      row,
      ...(rowYear ? { year: rowYear } : {}),
    };
    for (const [canonical, src] of numeric) {
      const cell = parseNumericCell(get(src));
      if (cell.kind === 'value' && implausible(canonical, cell.value))
        return skipUrn(
          `value outside the plausible range in column ${src} (${PLAUSIBLE_RANGE[canonical]!.join(' to ')})`,
        );
      if (cell.kind === 'value') c.values[canonical] = cell.value;
      else if (cell.kind === 'invalid') return skipUrn(`unparseable value in column ${src}`);
      else if (cell.code) c.missingCodes[canonical] = cell.code;
    }
    const fillReason = spec.fill?.(get, c);
    if (fillReason) return skipUrn(fillReason);
    for (const [col, code] of Object.entries(c.missingCodes)) countMissing(report, col, code);
    if (c.unknownType)
      unknownTypes.set(c.unknownType, [...(unknownTypes.get(c.unknownType) ?? []), row]);
    out.push(c);
  });
  for (const [type, rows] of unknownTypes)
    report.notes.push(
      `${rows.length} ${rows.length === 1 ? 'school' : 'schools'} of a school type not known here, "${type}", kept with phase unknown: indicators for a phase do not apply to them, and they are compared only with each other (e.g. row ${rows.slice(0, 5).join(', ')})`,
    );
  if (shortRows)
    report.notes.push(
      `${shortRows} rows have fewer cells than the header (${header.length}): their absent trailing cells are read as missing`,
    );
  if (longRows)
    report.notes.push(
      `${longRows} rows have more cells than the header (${header.length}): the extra trailing cells are ignored`,
    );
  return out;
}
