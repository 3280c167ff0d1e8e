/**
 * Merges parsed files into one dataset keyed by URN and academic year. Rules:
 * - identity (name, LA, phase, groupings, position) comes from the most authoritative file
 *   (GIAS, then school details, canonical, census, then performance tables);
 * - per-year values never overwrite each other: a duplicate row with a different value is
 *   skipped and reported, an identical one is merged;
 * - snapshot values (GIAS capacity/pupils/FSM, undated condition or admissions) go to one
 *   year only (the latest, unless told) and never replace a value from a per-year file;
 *   their source and date are recorded so mixed years can be shown;
 * - predecessor URNs are followed to their successor when a lookup is loaded;
 * - every row of every file ends merged or skipped with a reason.
 */
import { KNOWN_LA_NAMES } from './la-names';
import {
  NUMERIC_COLUMNS,
  type ColumnSource,
  type Dataset,
  type Phase,
  type SchoolYear,
} from '../domain/types';
import { skip, type Contribution, type FileReport, type ParsedFile } from './model';
import { academicYear } from './years';

export interface MergeOptions {
  /** Year for snapshot values; default the latest year that per-year files provide. */
  snapshotYear?: string;
  /**
   * Further years snapshot values (a GIAS capacity) also apply to, each with its date: a census
   * of a later year sits closer to today's capacity than the year the snapshot first serves.
   */
  alsoSnapshotYears?: readonly string[];
  /** Kinds whose files define which schools exist. Default: every listing kind loaded. */
  listKinds?: readonly string[];
  /** Only these years: a per-year file's rows of other years are skipped, with the reason. */
  years?: readonly string[];
}

export interface MergeResult {
  dataset: Dataset;
  reports: FileReport[];
}

const IDENTITY_RANK: Record<string, number> = {
  partnerships: -1,
  gias: 0,
  'school-details': 1,
  'school-information': 1,
  canonical: 2,
  census: 3,
  'ees-census': 3,
};
// The school-details phase flags mark nurseries, PRUs and some special schools as primary, so
// the census school type wins for those; for primary/secondary the flags win, because the
// census type has errors (e.g. URN 105403, Cavendish Primary School, typed "State-funded
// secondary").
const CENSUS_PHASE_WINS = new Set<Phase>(['special', 'nursery', 'pru']);
const LISTING_KINDS = [
  'gias',
  'school-details',
  'school-information',
  'canonical',
  'census',
  'ees-census',
];
const rankOf = (kind: string) => IDENTITY_RANK[kind] ?? 10;

interface Identity {
  fromGias?: boolean;
  name?: string;
  laCode?: string;
  laName?: string;
  phase?: Phase;
  partnership?: string;
  groupings: Record<string, string>;
  lat?: number;
  lon?: number;
  lsoa?: string;
}

function followSuccessor(urn: string, successors: ReadonlyMap<string, string>): string {
  let current = urn;
  for (let i = 0; i < 20; i++) {
    const next = successors.get(current);
    if (!next || next === current) return current;
    current = next;
  }
  return current;
}

function buildIdentities(files: readonly ParsedFile[]): Map<string, Identity> {
  const ids = new Map<string, Identity>();
  const ordered = [...files].sort((a, b) => rankOf(a.report.kind) - rankOf(b.report.kind));
  for (const f of ordered)
    for (const c of f.contributions) {
      let id = ids.get(c.urn);
      if (!id) ids.set(c.urn, (id = { groupings: {} }));
      id.name ??= c.name || undefined;
      id.laCode ??= c.laCode || undefined;
      id.laName ??= c.laName || undefined;
      if (
        id.phase === undefined ||
        (id.phase === 'unknown' && c.phase) ||
        ((f.report.kind === 'census' || f.report.kind === 'ees-census') &&
          c.phase &&
          CENSUS_PHASE_WINS.has(c.phase) &&
          !id.fromGias)
      )
        id.phase = c.phase;
      if (f.report.kind === 'gias') id.fromGias = true;
      id.partnership ??= c.partnership || undefined;
      id.lsoa ??= c.lsoa;
      if (id.lat === undefined && c.lat !== undefined && c.lon !== undefined) {
        id.lat = c.lat;
        id.lon = c.lon;
      }
      for (const [k, v] of Object.entries(c.groupings ?? {})) id.groupings[k] ??= v;
    }
  return ids;
}

interface RowState {
  school: SchoolYear & {
    values: Record<string, number | undefined>;
    missingCodes: Record<string, string>;
  };
  /** Where each value came from: "file row N", for conflict messages. */
  from: Record<string, string>;
}

const CENSUS_KINDS = new Set(['census', 'ees-census']);
const RESULTS_KINDS = new Set([
  'ks2',
  'ks2-scraped',
  'ks4',
  'ks4-scraped',
  'absence',
  'ees-absence',
]);

const yearsOf = (files: readonly ParsedFile[], kinds: Set<string>) =>
  [
    ...new Set(
      files
        .filter((f) => kinds.has(f.report.kind))
        .flatMap((f) => f.contributions.map((c) => c.year ?? '')),
    ),
  ]
    .filter(Boolean)
    .sort();

const yearList = (years: readonly string[]) =>
  years.length <= 3
    ? years.join(', ').replace(/, ([^,]*)$/, ' and $1')
    : `${years[0]} to ${years[years.length - 1]}, ${years.length} years`;

/**
 * A census of one year loaded with results of another (the January 2023 census beside 2023/24
 * KS2 results) makes rows of two years, each half empty: said on the census file, with what to
 * do, rather than left for the person to find on the dashboard.
 */
function noteYearMismatch(files: readonly ParsedFile[]): void {
  const results = yearsOf(files, RESULTS_KINDS);
  if (!results.length) return;
  for (const f of files) {
    if (!CENSUS_KINDS.has(f.report.kind)) continue;
    const alone = yearsOf([f], CENSUS_KINDS).filter((y) => !results.includes(y));
    if (alone.length)
      f.report.notes.push(
        `the census is for ${yearList(alone)} but no results or absence file is (they are for ${yearList(results)}): its pupil and FSM figures sit in ${alone.length === 1 ? 'a year' : 'years'} of their own, beside results without them. ${
          f.report.kind === 'census'
            ? "If the census should count for a results year, set this file's year."
            : 'Its year is in the file (time_period): load the census of a results year, or results of the census year.'
        }`,
      );
  }
}

export function mergeFiles(files: readonly ParsedFile[], opts: MergeOptions = {}): MergeResult {
  const successors = new Map<string, string>();
  const laNames = new Map<string, string>();
  const lsoaValues = new Map<string, Record<string, number>>();
  for (const f of files) {
    f.urnSuccessors?.forEach((v, k) => successors.set(k, v));
    f.laNames?.forEach((v, k) => laNames.set(k, v));
    f.lsoaValues?.forEach((v, k) => lsoaValues.set(k, v));
  }
  for (const f of files) {
    let followed = 0;
    for (const c of f.contributions) {
      const to = followSuccessor(c.urn, successors);
      if (to !== c.urn) {
        c.urn = to;
        followed++;
      }
    }
    if (followed)
      f.report.notes.push(`${followed} rows followed a predecessor URN to its successor`);
  }

  noteYearMismatch(files);
  const identities = buildIdentities(files);
  const listKinds = opts.listKinds ?? LISTING_KINDS;
  const listing = files.filter((f) => listKinds.includes(f.report.kind) && f.contributions.length);
  const listed = listing.length
    ? new Set(listing.flatMap((f) => f.contributions.map((c) => c.urn)))
    : undefined;
  const skippedElsewhere = new Map<string, string>();
  for (const f of listing)
    f.skippedUrns?.forEach((why, urn) => skippedElsewhere.set(urn, `${why} in ${f.report.file}`));

  const usable = (c: Contribution, report: FileReport): boolean => {
    if (listed && !listed.has(c.urn)) {
      const why = skippedElsewhere.get(c.urn);
      skip(
        report,
        why ? `URN not in the school list (skipped there: ${why})` : 'URN not in the school list',
        c.row,
      );
      return false;
    }
    const id = identities.get(c.urn);
    if (!id?.phase || !id.laCode) {
      skip(
        report,
        'no phase or LA known for this URN (load a GIAS extract or school census)',
        c.row,
      );
      return false;
    }
    return true;
  };

  const rows = new Map<string, RowState>();
  const rowFor = (urn: string, year: string): RowState => {
    const key = `${urn}|${year}`;
    let r = rows.get(key);
    if (!r) {
      const id = identities.get(urn) as Identity;
      const school: RowState['school'] = {
        urn,
        name: id.name ?? `URN ${urn}`,
        laCode: id.laCode as string,
        laName:
          id.laName ??
          laNames.get(id.laCode as string) ??
          KNOWN_LA_NAMES.get(id.laCode as string) ??
          '',
        phase: id.phase as Phase,
        partnership: id.partnership ?? id.groupings.district ?? '',
        year,
        values: {},
        missingCodes: {},
        ...(Object.keys(id.groupings).length ? { groupings: id.groupings } : {}),
        ...(id.lat !== undefined && id.lon !== undefined ? { lat: id.lat, lon: id.lon } : {}),
      };
      rows.set(key, (r = { school, from: {} }));
    }
    return r;
  };

  const sources = new Map<string, ColumnSource>();
  const noteSource = (column: string, year: string, f: ParsedFile, asOf: string) => {
    const key = `${column}|${year}|${f.report.file}`;
    const s = sources.get(key);
    if (s) s.count = (s.count ?? 0) + 1;
    else
      sources.set(key, {
        column,
        year,
        source: `${f.report.kindLabel} (${f.report.file})`,
        asOf,
        count: 1,
        ...(f.report.definitions[column] ? { definition: f.report.definitions[column] } : {}),
      });
  };

  // Per-year files first, so snapshot values can never displace them.
  const perYear = files.filter((f) => f.contributions.some((c) => c.year));
  for (const f of perYear)
    for (const c of f.contributions) {
      if (!c.year || !usable(c, f.report)) continue;
      if (opts.years && !opts.years.includes(c.year)) {
        skip(
          f.report,
          `year ${c.year} is not one of this dataset's (${opts.years.join(', ')})`,
          c.row,
        );
        continue;
      }
      const r = rowFor(c.urn, c.year);
      const clash = Object.entries(c.values).find(
        ([k, v]) => r.school.values[k] !== undefined && r.school.values[k] !== v,
      );
      if (clash) {
        skip(f.report, `duplicate URN with conflicting values (kept ${r.from[clash[0]]})`, c.row);
        continue;
      }
      for (const [k, v] of Object.entries(c.values)) {
        if (r.school.values[k] === undefined) noteSource(k, c.year, f, c.year);
        r.school.values[k] = v;
        r.from[k] ??= `${f.report.file} row ${c.row}`;
      }
      for (const [k, code] of Object.entries(c.missingCodes))
        if (r.school.values[k] === undefined) r.school.missingCodes[k] ??= code;
      f.report.rowsMerged++;
    }

  const years = [...new Set([...rows.values()].map((r) => r.school.year))].sort();
  const giasAsOf = files.find((f) => f.asOf)?.asOf;
  const fallbackYear = giasAsOf
    ? academicYear(Number(giasAsOf.slice(0, 4)) - (Number(giasAsOf.slice(5, 7)) < 9 ? 1 : 0))
    : 'snapshot';
  const target = opts.snapshotYear ?? years[years.length - 1] ?? fallbackYear;

  const snapshotTargets = [
    target,
    ...(opts.alsoSnapshotYears ?? []).filter((y) => y !== target && years.includes(y)),
  ];
  for (const f of files) {
    if (perYear.includes(f)) continue;
    let keptPerYear = 0;
    for (const c of f.contributions) {
      if (!usable(c, f.report)) continue;
      for (const year of snapshotTargets) keptPerYear += applySnapshot(f, c, year);
      f.report.rowsMerged++;
    }
    if (keptPerYear)
      f.report.notes.push(
        `${keptPerYear} values not used because a per-year file gave that school's ${snapshotTargets.join(' or ')} value`,
      );
    if (f.contributions.length && f.report.year === 'snapshot')
      f.report.year = `snapshot, applied to ${snapshotTargets.join(' and ')}`;
  }

  /** A snapshot file's values for one school, in one year; returns the values a year kept. */
  function applySnapshot(f: ParsedFile, c: Contribution, year: string): number {
    // A further year gets a row only where the school has one from a per-year file.
    if (year !== target && !rows.has(`${c.urn}|${year}`)) return 0;
    let kept = 0;
    const r = rowFor(c.urn, year);
    for (const [k, v] of Object.entries(c.values)) {
      if (r.school.values[k] !== undefined) {
        kept++;
        continue;
      }
      r.school.values[k] = v;
      r.from[k] = `${f.report.file} row ${c.row}`;
      const asOf = f.asOfByColumn?.[k] ?? f.asOf ?? 'undated';
      noteSource(k, year, f, asOf);
      // The row's year is the default date of its values; record the ones that differ.
      r.school.valueDates = { ...r.school.valueDates, [k]: asOf };
    }
    for (const [k, code] of Object.entries(c.missingCodes))
      if (r.school.values[k] === undefined) r.school.missingCodes[k] ??= code;
    return kept;
  }

  // Every listed school appears, even with no per-year data.
  if (listed)
    for (const urn of listed)
      if (
        identities.get(urn)?.phase &&
        identities.get(urn)?.laCode &&
        !years.some((y) => rows.has(`${urn}|${y}`))
      )
        rowFor(urn, target);

  // Deprivation of the school's neighbourhood (IMD by LSOA) joins through GIAS.
  if (lsoaValues.size) {
    const f = files.find((x) => x.lsoaValues) as ParsedFile;
    for (const r of rows.values()) {
      if (r.school.year !== target) continue;
      const v = lsoaValues.get(identities.get(r.school.urn)?.lsoa ?? '');
      if (!v) continue;
      for (const [k, x] of Object.entries(v)) {
        r.school.values[k] = x;
        noteSource(k, target, f, '2019');
      }
    }
  }

  const schools = [...rows.values()].map((r) => {
    const s = r.school;
    return Object.keys(s.missingCodes).length ? s : (({ missingCodes: _m, ...rest }) => rest)(s);
  });
  schools.sort((a, b) =>
    a.laCode + a.name + a.urn + a.year < b.laCode + b.name + b.urn + b.year ? -1 : 1,
  );
  const canonical = new Set<string>(NUMERIC_COLUMNS);
  const extraColumns = [...new Set(schools.flatMap((s) => Object.keys(s.values)))]
    .filter((c) => !canonical.has(c))
    .sort();
  return {
    dataset: { schools, sources: [...sources.values()], extraColumns },
    reports: files.map((f) => f.report),
  };
}
