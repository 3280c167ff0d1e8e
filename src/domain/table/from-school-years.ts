/**
 * Converts between the importers' row objects and the columnar table: once, after a merge, into
 * columns; and back to one object for one row when a single school is shown.
 */
import { NUMERIC_COLUMNS, type Dataset, type Phase, type SchoolYear } from '../types';
import { DictBuilder } from './dict-builder';
import { textColumn, textOf } from './text-column';
import { PHASE_INDEX, phaseAt, textAt, type SchoolTable } from './school-table';

export function tableFromSchoolYears(
  schools: readonly SchoolYear[],
  extraColumns: readonly string[] = [],
): SchoolTable {
  const n = schools.length;
  const columns = new Set<string>([...NUMERIC_COLUMNS, ...extraColumns]);
  const groupingNames = new Set<string>();
  for (const s of schools) {
    for (const k in s.values) columns.add(k);
    for (const k in s.groupings ?? {}) groupingNames.add(k);
  }
  const numeric = new Map<string, Float64Array>();
  for (const c of columns) numeric.set(c, new Float64Array(n).fill(NaN));
  const laCode = new DictBuilder(n);
  const laName = new DictBuilder(n);
  const partnership = new DictBuilder(n);
  const year = new DictBuilder(n);
  const groupings = new Map([...groupingNames].map((g) => [g, new DictBuilder(n)]));
  const phase = new Uint8Array(n);
  const lat = new Float64Array(n).fill(NaN);
  const lon = new Float64Array(n).fill(NaN);
  const missingCodes = new Map<string, Map<number, string>>();
  const t: SchoolTable = {
    n,
    urn: textColumn(schools.map((s) => s.urn)),
    name: textColumn(schools.map((s) => s.name)),
    laCode: laCode.build(),
    laName: laName.build(),
    phase,
    partnership: partnership.build(),
    year: year.build(),
    groupings: new Map(),
    numeric,
    missingCodes,
    illustrative: new Map(),
    lat,
    lon,
    notes: new Map(),
    valueDates: new Map(),
    extraColumns: [...extraColumns],
  };
  for (let i = 0; i < n; i++) {
    const s = schools[i] as SchoolYear;
    laCode.set(i, s.laCode);
    laName.set(i, s.laName);
    partnership.set(i, s.partnership);
    year.set(i, s.year);
    phase[i] = PHASE_INDEX.get(s.phase) ?? 0;
    for (const [g, b] of groupings) b.set(i, s.groupings?.[g] ?? '');
    for (const k in s.values) {
      const v = s.values[k];
      // A non-finite value is not a measurement: it is missing, never a rating input.
      if (v !== undefined && Number.isFinite(v)) (numeric.get(k) as Float64Array)[i] = v;
    }
    for (const [k, code] of Object.entries(s.missingCodes ?? {})) {
      let m = missingCodes.get(k);
      if (!m) missingCodes.set(k, (m = new Map()));
      m.set(i, code);
    }
    for (const c of s.illustrative ?? []) {
      let f = t.illustrative.get(c);
      if (!f) t.illustrative.set(c, (f = new Uint8Array(n)));
      f[i] = 1;
    }
    if (s.lat !== undefined) lat[i] = s.lat;
    if (s.lon !== undefined) lon[i] = s.lon;
    if (s.notes?.length) t.notes.set(i, s.notes);
    if (s.valueDates) t.valueDates.set(i, s.valueDates);
  }
  for (const [g, b] of groupings) t.groupings.set(g, b.build());
  return t;
}

export function tableFromDataset(d: Dataset): SchoolTable {
  return tableFromSchoolYears(d.schools, d.extraColumns);
}

/** One row as the object the importers produce (for showing or explaining one school). */
export function schoolYearAt(t: SchoolTable, i: number): SchoolYear {
  const values: Record<string, number> = {};
  for (const [k, col] of t.numeric) {
    const v = col[i] as number;
    if (!Number.isNaN(v)) values[k] = v;
  }
  const missingCodes: Record<string, string> = {};
  for (const [k, m] of t.missingCodes) {
    const code = m.get(i);
    if (code !== undefined) missingCodes[k] = code;
  }
  const groupings: Record<string, string> = {};
  for (const [g, c] of t.groupings) {
    const v = textAt(c, i);
    if (v) groupings[g] = v;
  }
  const illustrative = [...t.illustrative].filter(([, f]) => f[i]).map(([c]) => c);
  const notes = t.notes.get(i);
  const valueDates = t.valueDates.get(i);
  const lat = t.lat[i] as number;
  const lon = t.lon[i] as number;
  return {
    urn: textOf(t.urn, i),
    name: textOf(t.name, i),
    laCode: textAt(t.laCode, i),
    laName: textAt(t.laName, i),
    phase: phaseAt(t, i) as Phase,
    partnership: textAt(t.partnership, i),
    year: textAt(t.year, i),
    values,
    ...(Object.keys(missingCodes).length ? { missingCodes } : {}),
    ...(t.groupings.size ? { groupings } : {}),
    ...(Number.isNaN(lat) ? {} : { lat }),
    ...(Number.isNaN(lon) ? {} : { lon }),
    ...(valueDates ? { valueDates } : {}),
    ...(illustrative.length ? { illustrative } : {}),
    ...(notes ? { notes } : {}),
  };
}
