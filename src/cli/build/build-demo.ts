/** Builds the embedded demo dataset (Hampshire and Surrey primaries) from ../shared/data. */
import type { ColumnSource, Dataset, SchoolYear } from '../../domain/types';
import { importFiles } from '../../import/import-files';
import type { MergeResult } from '../../import/merge';
import { pickSite, siteConditions } from './illustrative-condition';
import { demoFiles, sharedFile } from './sources';

export const DEMO_YEAR = '2018/19';
/** The census year the demo also has, with no results: context figures of recent years. */
export const DEMO_CENSUS_YEAR = '2022/23';
/**
 * The years of the demo's KS2 files, and the census year; other years' rows (admissions) are
 * skipped, said so in the report.
 */
export const DEMO_YEARS = ['2016/17', '2017/18', DEMO_YEAR, DEMO_CENSUS_YEAR];
export const DERIVED_POPULARITY =
  'derived: first preferences ÷ places offered at reception, from a rebuilt copy of the DfE school-level applications and offers file (schools re-keyed to their 2022 successor; suppressed values missing)';
export const ILLUSTRATIVE_NOTE =
  'Building condition is illustrative: the cost per m² of a real surveyed site in the same LA (Property Data Survey Programme 2012-14), not this school’s own survey.';

const round = (x: number, dp: number) => Math.round(x * 10 ** dp) / 10 ** dp;

export function buildDemo(): MergeResult {
  const result = importFiles(demoFiles(), {
    listKinds: ['gias'],
    snapshotYear: DEMO_YEAR,
    // GIAS of April 2022 serves 2018/19 (the results year) and, closer in time, 2022/23.
    alsoSnapshotYears: [DEMO_CENSUS_YEAR],
    years: DEMO_YEARS,
  });
  const pdsp = sharedFile('condition-pdsp-2014/pdsp_components_by_la.csv.gz');
  const sites = siteConditions(new TextDecoder().decode(pdsp.bytes));
  const byLa = new Map<string, typeof sites>();
  for (const s of sites) byLa.set(s.la, [...(byLa.get(s.la) ?? []), s]);
  let given = 0;
  const schools: SchoolYear[] = result.dataset.schools.map((s) => {
    const base = {
      ...s,
      ...(s.lat !== undefined && s.lon !== undefined
        ? { lat: round(s.lat, 5), lon: round(s.lon, 5) }
        : {}),
    };
    if (s.year !== DEMO_YEAR) return base;
    const site = pickSite(s.urn, byLa.get(s.laCode) ?? []);
    if (!site) return base;
    given++;
    return {
      ...base,
      values: { ...s.values, condition_cost_per_m2: site.costPerM2 },
      valueDates: { ...s.valueDates, condition_cost_per_m2: '2012-14 (illustrative)' },
      illustrative: ['condition_cost_per_m2'],

      notes: [...(s.notes ?? []), `${ILLUSTRATIVE_NOTE} (PDSP site ${site.siteId})`],
    };
  });
  const condition: ColumnSource = {
    column: 'condition_cost_per_m2',
    year: DEMO_YEAR,
    source:
      'ILLUSTRATIVE: Property Data Survey Programme 2012-14, a real site of the same LA (not the school’s own survey)',
    asOf: '2012-2014',
    illustrative: true,
    count: given,
  };
  // The shared copy of the admissions file is rebuilt (see ../shared/data/README.md): its
  // figures are labelled so wherever they are shown.
  const sources = result.dataset.sources.map((s) =>
    s.column === 'first_prefs_per_place' ? { ...s, definition: DERIVED_POPULARITY } : s,
  );
  const dataset: Dataset = {
    ...result.dataset,
    schools,
    sources: [...sources, condition],
  };
  const reports = [...result.reports];
  reports.push({
    file: pdsp.name,
    kind: 'pdsp',
    kindLabel: 'Property Data Survey Programme sample (illustrative condition values)',
    encoding: 'utf-8',
    year: 'illustrative, applied to 2018/19',
    rowsRead: 0,
    rowsMerged: 0,
    skipped: {},
    missing: {},
    problems: [],
    definitions: {},
    notes: [
      `${[...byLa.entries()]
        .filter(([la]) => ['850', '936'].includes(la))
        .map(([la, s]) => `${s.length} surveyed sites in LA ${la}`)
        .join(
          ', ',
        )}; ${given} demo schools given the value of one site of their own LA, chosen by URN`,
    ],
  });
  return { dataset, reports };
}
