/**
 * Reads one file of any supported kind: decode, recognise by header, map to contributions.
 * Never throws for bad content: a file that cannot be read comes back with problems and every
 * row accounted for in its report.
 */
import { ks5 } from './kinds/not-used';
import { readCanonicalCsv } from './canonical';
import { decodeBytes, type Encoding } from './decode';
import { census, absence, ks2, ks2Scraped, ks4, ks4Scraped } from './kinds/performance';
import { gias, schoolDetails, schoolInformation } from './kinds/establishments';
import { admissions, condition, groupLinks, partnerships } from './kinds/local';
import { eesAbsence, eesAdmissions, eesCensus } from './kinds/ees';
import { giasLinks, imd, laNames, urnLookup, type LookupSpec } from './kinds/lookups';
import { newReport, type Contribution, type ParsedFile } from './model';
import { ImportError } from './problems';
import { readWithSpec, type FileSpec } from './spec';
import { hasColumns, parseTable, type Table } from './table';
import { yearFromName } from './years';

/** Most specific first: a file is the first kind whose signature its header has. */
export const FILE_SPECS: readonly FileSpec[] = [
  gias,
  schoolDetails,
  schoolInformation,
  groupLinks,
  ks2,
  ks4,
  ks2Scraped,
  ks4Scraped,
  census,
  absence,
  eesAbsence,
  eesCensus,
  eesAdmissions,
  admissions,
  condition,
  partnerships,
];
export const LOOKUP_SPECS: readonly LookupSpec[] = [urnLookup, giasLinks, laNames, imd, ks5];

const CANONICAL_SIGNATURE = ['urn', 'name', 'la_code', 'phase', 'year'];

export interface ReadOptions {
  /** Academic year ("2018/19") for per-year files whose name and rows do not say. */
  year?: string;
}

export function detectKind(
  header: readonly string[],
): FileSpec | LookupSpec | 'canonical' | undefined {
  if (hasColumns(header, CANONICAL_SIGNATURE)) return 'canonical';
  return (
    FILE_SPECS.find(
      (s) =>
        hasColumns(header, s.signature) &&
        (!s.anyOf || s.anyOf.some((c) => hasColumns(header, [c]))),
    ) ?? LOOKUP_SPECS.find((s) => hasColumns(header, s.signature))
  );
}

function readCanonicalRows(
  text: string,
  file: string,
  table: Table,
  encoding: Encoding,
): ParsedFile {
  const report = newReport(file, 'canonical', 'Canonical dataset', encoding, 'per row');
  report.rowsRead = table.rows.length;
  try {
    const ds = readCanonicalCsv(text, file);
    const contributions = ds.schools.map((s, i): Contribution => ({
      urn: s.urn,
      year: s.year,
      name: s.name,
      laCode: s.laCode,
      laName: s.laName,
      phase: s.phase,
      partnership: s.partnership,
      values: { ...s.values } as Record<string, number>,
      missingCodes: { ...s.missingCodes },
      row: i + 2,
      ...(s.groupings ? { groupings: { ...s.groupings } } : {}),
      ...(s.lat !== undefined && s.lon !== undefined ? { lat: s.lat, lon: s.lon } : {}),
    }));
    return { report, contributions };
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    report.problems.push(...e.problems);
    report.skipped['file rejected: see problems'] = { count: report.rowsRead, rows: [] };
    return { report, contributions: [] };
  }
}

export function readFile(file: string, bytes: Uint8Array, opts: ReadOptions = {}): ParsedFile {
  const decoded = decodeBytes(bytes);
  const parsed = readText(file, decoded.text, decoded.encoding, opts);
  const lines = decoded.windows1252Lines ?? [];
  if (lines.length)
    parsed.report.notes.push(
      `${lines.length} ${lines.length === 1 ? 'line is' : 'lines are'} not UTF-8 like the rest of the file and ${lines.length === 1 ? 'was' : 'were'} read as Windows-1252 (line ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ', ...' : ''}): check ${lines.length === 1 ? 'its' : 'their'} names`,
    );
  return parsed;
}

function readText(file: string, text: string, encoding: Encoding, opts: ReadOptions): ParsedFile {
  const table = parseTable(text);
  const kind = detectKind(table.header);
  if (kind === 'canonical') return readCanonicalRows(text, file, table, encoding);
  if (!kind) {
    const report = newReport(file, 'unknown', 'Not recognised', encoding, '');
    report.rowsRead = table.rows.length;
    if (table.rows.length)
      report.skipped['file not recognised'] = { count: table.rows.length, rows: [] };
    const shown = table.header
      .slice(0, 6)
      .map((h) => `"${h.slice(0, 40)}"`)
      .join(', ');
    report.problems.push({
      file,
      row: 1,
      message: table.header.length
        ? `not a recognised file: its header starts ${shown}; see the README for the files the importer reads`
        : 'the file is empty',
    });
    return { report, contributions: [] };
  }
  if (!('urnColumn' in kind)) {
    const report = newReport(file, kind.kind, kind.label, encoding, 'any');
    return { report, contributions: [], ...kind.read(table, report) };
  }
  const year = kind.snapshot ? undefined : (opts.year ?? yearFromName(file));
  const report = newReport(
    file,
    kind.kind,
    kind.label,
    encoding,
    kind.snapshot
      ? 'snapshot'
      : kind.rowYear
        ? `per row${year ? ` (${year} where a row does not say)` : ''}`
        : (year ?? 'not known'),
  );
  if (!kind.snapshot && !year && !kind.rowYear) {
    report.rowsRead = table.rows.length;
    report.skipped['year not known'] = { count: table.rows.length, rows: [] };
    report.problems.push({
      file,
      message:
        'the academic year of this file is not known: name it in the file name (e.g. ks2-2018-19.csv) or choose it',
    });
    return { report, contributions: [] };
  }
  const skippedUrns = new Map<string, string>();
  const contributions = readWithSpec(kind, table, report, year, skippedUrns);
  if (kind.kind !== 'gias') return { report, contributions, skippedUrns };
  // GIAS pupils and FSM are as of its census date; capacity as of the extract (date in the name).
  const census = censusDateOf(table);
  const m = /(20\d\d)(\d\d)(\d\d)/.exec(file);
  const extract = m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
  const asOfByColumn: Record<string, string> = {};
  // Capacity, the Ofsted grade and the age range are as the extract has them; pupils and FSM
  // as of its census.
  if (extract)
    for (const c of ['capacity', 'ofsted_grade', 'ofsted_inspected', 'age_low', 'age_high'])
      asOfByColumn[c] = extract;
  if (census) asOfByColumn.pupils = asOfByColumn.fsm_pct = census;
  return { report, contributions, skippedUrns, ...(census ? { asOf: census } : {}), asOfByColumn };
}

/** The most common GIAS CensusDate ("21-01-2021" -> "2021-01-21"): when pupils/FSM were counted. */
function censusDateOf(table: Table): string | undefined {
  const i = table.header.findIndex((h) => h === 'CensusDate');
  if (i < 0) return undefined;
  const counts = new Map<string, number>();
  for (const r of table.rows) {
    const d = r[i]?.trim();
    if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const m = top && /^(\d\d)-(\d\d)-(\d{4})$/.exec(top);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}
