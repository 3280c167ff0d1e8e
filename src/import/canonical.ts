/**
 * The canonical dataset: one row per school per year, as CSV (the columns in types.ts, plus any
 * extra numeric columns, optional `lat`/`lon`, `grouping_<name>` text columns and `notes`) or as
 * JSON (the same rows plus provenance). Reading is all-or-nothing: any bad row rejects the file
 * with every problem located by row and column, so nothing is half-loaded.
 */
import {
  isPhase,
  NUMERIC_COLUMNS,
  TEXT_COLUMNS,
  type ColumnSource,
  type Dataset,
  type Phase,
  type SchoolYear,
} from '../domain/types';
import { implausible } from '../domain/columns';
import { parseNumericCell } from './cells';
import { parseCsvRows, toCsv } from './csv';
import { ImportError, type ImportProblem } from './problems';

const GROUPING_PREFIX = 'grouping_';
const TEXT_EXTRAS = new Set(['notes', 'illustrative']);
const POSITION = new Set(['lat', 'lon']);

const PHASE_ALIASES: Record<string, Phase> = {
  'middle deemed primary': 'primary',
  'middle deemed secondary': 'secondary',
  'all through': 'all-through',
  'all-through': 'all-through',
  '16 plus': '16-plus',
  'pupil referral unit': 'pru',
};

export function readPhase(text: string): Phase | undefined {
  const t = text.trim().toLowerCase();
  return isPhase(t) ? t : PHASE_ALIASES[t];
}

/**
 * A semicolon-separated list ("a; b"). Split then trim, which is linear in the cell's length (a
 * regex with \s* around the separator backtracks quadratically on a cell of spaces).
 */
export function splitList(text: string): string[] {
  return text.split(';').map((s) => s.trim());
}

export function readCanonicalCsv(text: string, file: string): Dataset {
  const rows = parseCsvRows(text.replace(/^\uFEFF/, ''));
  const header = (rows[0] ?? []).map((h) => h.trim());
  const problems: ImportProblem[] = [];
  const missingCols = TEXT_COLUMNS.filter((c) => !header.includes(c));
  if (rows.length === 0) throw new ImportError([{ file, message: 'the file is empty' }]);
  if (missingCols.length)
    throw new ImportError([
      { file, row: 1, message: `missing required column(s): ${missingCols.join(', ')}` },
    ]);
  const seenHeader = new Set<string>();
  header.forEach((h) => {
    if (seenHeader.has(h))
      problems.push({ file, row: 1, column: h, message: 'column appears twice' });
    seenHeader.add(h);
  });
  const idx = (c: string) => header.indexOf(c);
  const textSet = new Set<string>(TEXT_COLUMNS);
  const numeric = header.filter(
    (h) =>
      !textSet.has(h) &&
      !h.startsWith(GROUPING_PREFIX) &&
      !TEXT_EXTRAS.has(h) &&
      !POSITION.has(h) &&
      h !== '',
  );
  const extraColumns = numeric.filter((h) => !(NUMERIC_COLUMNS as readonly string[]).includes(h));
  const groupingCols = header.filter((h) => h.startsWith(GROUPING_PREFIX));
  const seen = new Map<string, number>();
  const schools: SchoolYear[] = [];

  for (let r = 1; r < rows.length; r++) {
    const line = r + 1;
    const cells = rows[r] as string[];
    if (cells.length === 1 && cells[0] === '') {
      problems.push({ file, row: line, message: 'blank line' });
      continue;
    }
    if (cells.length !== header.length)
      problems.push({
        file,
        row: line,
        message: `has ${cells.length} cells, the header has ${header.length}`,
      });
    const get = (c: string) => (cells[idx(c)] ?? '').trim();
    const urn = get('urn');
    const year = get('year');
    const phase = readPhase(get('phase'));
    if (!urn) problems.push({ file, row: line, column: 'urn', message: 'is empty' });
    if (!year) problems.push({ file, row: line, column: 'year', message: 'is empty' });
    if (!get('la_code')) problems.push({ file, row: line, column: 'la_code', message: 'is empty' });
    if (!phase)
      problems.push({
        file,
        row: line,
        column: 'phase',
        message: `"${get('phase')}" is not one of primary, secondary, special, all-through, nursery, pru, 16-plus`,
      });
    const key = `${urn}|${year}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.push({
        file,
        row: line,
        column: 'urn',
        message: `URN ${urn} appears again for ${year} (first at row ${first})`,
      });
    else seen.set(key, line);

    const values: Record<string, number | undefined> = {};
    const missingCodes: Record<string, string> = {};
    for (const col of numeric) {
      const cell = parseNumericCell(cells[idx(col)]);
      const wrong = cell.kind === 'value' ? implausible(col, cell.value) : undefined;
      if (wrong) problems.push({ file, row: line, column: col, message: wrong });
      else if (cell.kind === 'value') values[col] = cell.value;
      else if (cell.kind === 'missing') {
        if (cell.code) missingCodes[col] = cell.code;
      } else
        problems.push({
          file,
          row: line,
          column: col,
          message: `"${cell.text}" is not a number or a DfE missing-value code`,
        });
    }
    const school: SchoolYear = {
      urn,
      name: get('name'),
      laCode: get('la_code'),
      laName: get('la_name'),
      phase: phase ?? 'primary',
      partnership: get('partnership'),
      year,
      values,
      ...(Object.keys(missingCodes).length ? { missingCodes } : {}),
    };
    if (groupingCols.length)
      school.groupings = Object.fromEntries(
        groupingCols.map((g) => [g.slice(GROUPING_PREFIX.length), get(g)]).filter(([, v]) => v),
      );
    for (const p of POSITION) {
      if (idx(p) < 0) continue;
      const cell = parseNumericCell(get(p));
      if (cell.kind === 'value') school[p as 'lat' | 'lon'] = cell.value;
      else if (cell.kind === 'invalid')
        problems.push({ file, row: line, column: p, message: `"${cell.text}" is not a number` });
    }
    if (idx('notes') >= 0 && get('notes')) school.notes = splitList(get('notes'));
    // Columns whose values are illustrative (e.g. "condition_cost_per_m2"), semicolon-separated.
    if (idx('illustrative') >= 0 && get('illustrative'))
      school.illustrative = splitList(get('illustrative'));
    schools.push(school);
  }
  if (problems.length) throw new ImportError(problems);
  return { schools, sources: [], extraColumns };
}

/** Header of the canonical CSV for a dataset (canonical columns, extras, groupings, position). */
export function canonicalHeader(dataset: Dataset): string[] {
  const groupings = [
    ...new Set(dataset.schools.flatMap((s) => Object.keys(s.groupings ?? {}))),
  ].sort();
  const hasPos = dataset.schools.some((s) => s.lat !== undefined);
  const hasNotes = dataset.schools.some((s) => s.notes?.length);
  const hasIllustrative = dataset.schools.some((s) => s.illustrative?.length);
  return [
    ...TEXT_COLUMNS,
    ...NUMERIC_COLUMNS,
    ...dataset.extraColumns,
    ...groupings.map((g) => GROUPING_PREFIX + g),
    ...(hasPos ? ['lat', 'lon'] : []),
    ...(hasNotes ? ['notes'] : []),
    ...(hasIllustrative ? ['illustrative'] : []),
  ];
}

export function writeCanonicalCsv(dataset: Dataset): string {
  const header = canonicalHeader(dataset);
  const rows = dataset.schools.map((s) =>
    header.map((h): string | number | undefined => {
      switch (h) {
        case 'urn':
          return s.urn;
        case 'name':
          return s.name;
        case 'la_code':
          return s.laCode;
        case 'la_name':
          return s.laName;
        case 'phase':
          return s.phase;
        case 'partnership':
          return s.partnership;
        case 'year':
          return s.year;
        case 'lat':
          return s.lat;
        case 'lon':
          return s.lon;
        case 'notes':
          return s.notes?.join('; ');
        case 'illustrative':
          return s.illustrative?.join('; ');

        default:
          if (h.startsWith(GROUPING_PREFIX)) return s.groupings?.[h.slice(GROUPING_PREFIX.length)];
          return s.values[h] ?? s.missingCodes?.[h];
      }
    }),
  );
  return toCsv([header, ...rows], false);
}

/** The JSON form carries provenance as well as rows. */
export interface CanonicalJson {
  format: 'school-rag-dataset';
  version: 1;
  sources: ColumnSource[];
  extraColumns: string[];
  schools: SchoolYear[];
}

export function writeCanonicalJson(dataset: Dataset): string {
  const json: CanonicalJson = {
    format: 'school-rag-dataset',
    version: 1,
    sources: [...dataset.sources],
    extraColumns: [...dataset.extraColumns],
    schools: [...dataset.schools],
  };
  return JSON.stringify(json);
}

export function readCanonicalJson(text: string, file: string): Dataset {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ImportError([{ file, message: `not valid JSON: ${(e as Error).message}` }]);
  }
  const j = json as Partial<CanonicalJson>;
  if (j?.format !== 'school-rag-dataset' || !Array.isArray(j.schools))
    throw new ImportError([
      { file, message: 'not a school-rag-dataset JSON file (format field missing or wrong)' },
    ]);
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  const isText = (v: unknown): v is string => typeof v === 'string';
  j.schools.forEach((s, i) => {
    const at = `schools[${i}]`;
    const bad = (field: string, message: string) =>
      problems.push({ file, column: `${at}.${field}`, message });
    if (typeof s !== 'object' || s === null) return void bad('', 'must be an object');
    if (!isText(s.urn) || !s.urn) bad('urn', 'must be a non-empty string');
    if (!isText(s.year) || !s.year) bad('year', 'must be a non-empty string');
    if (!isText(s.laCode) || !s.laCode) bad('laCode', 'must be a non-empty string');
    for (const f of ['name', 'laName', 'partnership'] as const)
      if (s[f] !== undefined && !isText(s[f])) bad(f, 'must be text');
    if (typeof s.phase !== 'string' || !isPhase(s.phase))
      bad('phase', `"${String(s.phase)}" is not a phase`);
    if (s.groupings !== undefined)
      if (typeof s.groupings !== 'object' || s.groupings === null)
        bad('groupings', 'must be an object');
      else
        for (const [g, v] of Object.entries(s.groupings))
          if (!isText(v)) bad(`groupings.${g}`, 'must be text');
    if (typeof s.values !== 'object' || s.values === null) bad('values', 'must be an object');
    else
      for (const [k, v] of Object.entries(s.values)) {
        if (v === undefined || v === null) continue;
        // 1e400 parses as Infinity: a number, but not a measurement.
        if (typeof v !== 'number' || !Number.isFinite(v))
          bad(`values.${k}`, 'must be a finite number');
        else if (implausible(k, v)) bad(`values.${k}`, implausible(k, v) as string);
      }
    // The same school twice in a year is rejected here as it is in CSV.
    if (isText(s.urn) && isText(s.year)) {
      const key = `${s.urn}|${s.year}`;
      const first = seen.get(key);
      if (first !== undefined)
        bad('urn', `URN ${s.urn} appears again for ${s.year} (first at schools[${first}])`);
      else seen.set(key, i);
    }
  });
  if (problems.length) throw new ImportError(problems);
  // JSON has no undefined: a null value is missing, like an empty CSV cell.
  const schools = j.schools.map((s) => ({
    ...s,
    name: s.name ?? '',
    laName: s.laName ?? '',
    partnership: s.partnership ?? '',
    values: Object.fromEntries(Object.entries(s.values).filter(([, v]) => typeof v === 'number')),
  }));
  return { schools, sources: j.sources ?? [], extraColumns: j.extraColumns ?? [] };
}

/** Reads either form by looking at the first non-blank character. */
export function readCanonical(text: string, file: string): Dataset {
  return /^\uFEFF?\s*\{/.test(text) ? readCanonicalJson(text, file) : readCanonicalCsv(text, file);
}
