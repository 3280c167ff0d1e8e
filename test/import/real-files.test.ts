/** Importers on the real DfE/GIAS files in ../shared/data: exact counts and hand-checked values. */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { buildDemo } from '../../src/cli/build/build-demo';
import { buildNational } from '../../src/cli/build/build-national';
import { sharedFile } from '../../src/cli/build/sources';
import type { Dataset, SchoolYear } from '../../src/domain/types';
import type { FileReport } from '../../src/import/model';
import { importFiles } from '../../src/import/import-files';
import { readFile } from '../../src/import/read-file';
import { reportsBalance } from '../../src/import/report-text';
import { describeWithSharedData } from '../helpers/shared-data';

const reportOf = (reports: FileReport[], file: string) =>
  reports.find((r) => r.file.endsWith(file)) as FileReport;
const rowOf = (ds: Dataset, urn: string, year: string) =>
  ds.schools.find((s) => s.urn === urn && s.year === year) as SchoolYear;

describeWithSharedData('demo build: Hampshire and Surrey primaries', () => {
  let demo: ReturnType<typeof buildDemo>;
  beforeAll(() => {
    demo = buildDemo();
  });

  it('keeps the 728 open schools of the GIAS extract and skips its 368 closed ones', () => {
    const gias = reportOf(demo.reports, 'gias_20220420_850_936_primary.csv');
    expect(gias).toMatchObject({ rowsRead: 1096, rowsMerged: 728, encoding: 'utf-8' });
    expect(gias.skipped['closed school']?.count).toBe(368);
    expect(gias.notes).toContain(
      '69 rows have more cells than the header (111): the extra trailing cells are ignored',
    );
    expect(new Set(demo.dataset.schools.map((s) => s.urn)).size).toBe(728);
    expect(new Set(demo.dataset.schools.map((s) => s.laCode))).toEqual(new Set(['850', '936']));
  });

  it('accounts for every row of every file', () => {
    expect(reportsBalance(demo.reports)).toBe(true);
    const ks2 = reportOf(demo.reports, '2018-850-ks2.csv');
    expect(ks2.rowsRead).toBe(334);
    expect(ks2.skipped['not a school row (RECTYPE 3: LA or national total)']?.count).toBe(1);
  });

  it('says the 2022/23 census stands in a year of its own; the 2018/19 census has results', () => {
    const said = demo.reports.filter((r) => r.notes.join(' ').match(/the census is for/));
    expect(said.map((r) => r.file)).toEqual([
      expect.stringMatching(/spc_school_level_2022-23_850_919_936\.csv$/),
    ]);
  });

  it('has 2022/23: January 2023 pupils and FSM (eligible now, said so) beside the April 2022 capacity', () => {
    const anstey = rowOf(demo.dataset, '115851', '2022/23');
    expect(anstey.values).toMatchObject({ pupils: 226, capacity: 256, fsm_pct: 37.6 });
    expect(anstey.valueDates?.capacity).toBe('2022-04-20');
    const fsm = demo.dataset.sources.filter((s) => s.column === 'fsm_pct');
    expect(fsm.find((s) => s.year === '2022/23')?.definition).toMatch(
      /eligible for free school meals now/,
    );
    expect(fsm.find((s) => s.year === '2018/19')?.definition).toBeUndefined();
    // The capacity of April 2022 serves both years, each row saying its date.
    expect(rowOf(demo.dataset, '115851', '2018/19').values.capacity).toBe(256);
  });

  it('has the hand-checked values of Anstey Junior School (URN 115851) for three years', () => {
    expect(rowOf(demo.dataset, '115851', '2016/17').values).toEqual({
      ks2_rwm_exp_pct: 68,
      ks2_read_progress: -1.8,
      ks2_writ_progress: -0.6,
      ks2_mat_progress: -1.1,
      // confidence limits and the cohort (TELIG) from the full DfE file; no band in 2016/17's
      ks2_read_progress_ci_lower: -3.4,
      ks2_read_progress_ci_upper: -0.2,
      ks2_writ_progress_ci_lower: -2.1,
      ks2_writ_progress_ci_upper: 0.9,
      ks2_mat_progress_ci_lower: -2.5,
      ks2_mat_progress_ci_upper: 0.3,
      ks2_cohort: 63,
      // the cohort's KS1 average point score (TKS1AVERAGE), for choosing similar schools
      ks2_prior_aps: 16.9,
    });
    const y1 = rowOf(demo.dataset, '115851', '2017/18').values;
    expect(y1.ks2_rwm_exp_pct).toBe(57);
    // The DfE's bands: 4 below, 5 well below average (writing -2.9, CI -4.4 to -1.4).
    expect(y1).toMatchObject({ ks2_read_band: 4, ks2_writ_band: 5, ks2_mat_band: 4 });
    const y = rowOf(demo.dataset, '115851', '2018/19');
    expect(y).toMatchObject({
      name: 'Anstey Junior School',
      laName: 'Hampshire',
      phase: 'primary',
      partnership: 'East Hampshire',
    });
    // capacity from GIAS (Apr 2022); pupils and FSM from the January 2019 census, not GIAS (234, 21.8)
    expect(y.values).toMatchObject({
      capacity: 256,
      pupils: 240,
      fsm_pct: 26.3,
      absence_pct: 3.3,
      persistent_absence_pct: 6.1,
      ks2_rwm_exp_pct: 63,
      imd_decile: 7,
      // SEN support and EHC plan % from the census (PSENELK, PSENELSE); ages from GIAS: a junior
      sen_support_pct: 21.3,
      sen_ehcp_pct: 1.7,
      age_low: 7,
      age_high: 11,
      ks2_prior_aps: 16.8,
    });
    expect(y.lat).toBeCloseTo(51.1545, 3);
    expect(y.lon).toBeCloseTo(-0.9717, 3);
  });

  it('records where each column came from, so mixed years can be shown', () => {
    const src = (column: string) =>
      demo.dataset.sources.filter((s) => s.column === column && s.year === '2018/19');
    expect(src('capacity')[0]).toMatchObject({ asOf: '2022-04-20' });
    expect(rowOf(demo.dataset, '115851', '2018/19').valueDates).toEqual({
      capacity: '2022-04-20',
      age_low: '2022-04-20',
      age_high: '2022-04-20',
      ofsted_grade: '2022-04-20',
      ofsted_inspected: '2022-04-20',
      condition_cost_per_m2: '2012-14 (illustrative)',
    });
    expect(src('pupils').map((s) => s.asOf)).toContain('2018/19');
    expect(src('condition_cost_per_m2')[0]).toMatchObject({ illustrative: true });
  });

  it('has real popularity, labelled derived, for the KS2 years and the census year only', () => {
    // Kimpton, Thruxton and Fyfield CofE Primary (URN 116375), reception entry 2018: 25 first
    // preferences for 27 places offered (the admissions file's 201819 row).
    expect(rowOf(demo.dataset, '116375', '2018/19').values.first_prefs_per_place).toBe(0.926);
    expect(rowOf(demo.dataset, '116375', '2016/17').values.first_prefs_per_place).toBe(0.733);
    const sources = demo.dataset.sources.filter((s) => s.column === 'first_prefs_per_place');
    expect(sources.map((s) => s.year).sort()).toEqual(['2016/17', '2017/18', '2018/19', '2022/23']);
    for (const s of sources) expect(s.definition).toMatch(/^derived: .*rebuilt copy/);
    const admissions = reportOf(
      demo.reports,
      'apps_offers_school_level_2014-15_to_2022-23_850_919_936_rebuilt.csv',
    );
    expect(
      admissions.skipped[
        "year 2021/22 is not one of this dataset's (2016/17, 2017/18, 2018/19, 2022/23)"
      ]?.count,
    ).toBe(589);
    expect(reportsBalance([admissions])).toBe(true);
  });

  it('labels every illustrative condition value on the school itself', () => {
    const withCondition = demo.dataset.schools.filter(
      (s) => s.values.condition_cost_per_m2 !== undefined,
    );
    expect(withCondition.length).toBe(728);
    for (const s of withCondition) expect(s.notes?.join(' ')).toMatch(/illustrative/);
  });
});

describeWithSharedData('national build: England 2018/19', () => {
  let national: ReturnType<typeof buildNational>;
  beforeAll(() => {
    national = buildNational();
  });

  it('reads the census exactly and skips independent schools with the reason', () => {
    const census = reportOf(national.reports, 'england_census.csv');
    expect(census).toMatchObject({ rowsRead: 23942, rowsMerged: 22004, encoding: 'utf-8-bom' });
    expect(census.skipped['independent school (not state-funded)']?.count).toBe(1935);
    expect(census.missing.fsm_pct).toEqual({ NA: 477 });
    expect(reportsBalance(national.reports)).toBe(true);
  });

  it('builds about 23,000 schools in 150+ authorities', () => {
    const ds = national.dataset;
    expect(ds.schools.length).toBe(23181);
    expect(new Set(ds.schools.map((s) => s.laCode)).size).toBeGreaterThanOrEqual(150);
  });

  it('names every authority, Dorset, Poole and Bournemouth before April 2019 too', () => {
    const named = new Map(national.dataset.schools.map((s) => [s.laCode, s.laName]));
    expect([...named].filter(([, name]) => !name)).toEqual([]);
    // The 2018/19 code list has only their successors, 838 and 839.
    expect(named.get('835')).toBe('Dorset (before April 2019)');
    expect(named.get('839')).toBe('Bournemouth, Christchurch and Poole');
  });

  it('names authorities from the DfE code list when the files give codes only', () => {
    const files = ['england_census.csv', 'england_abs.csv'].map((f) =>
      sharedFile(`dfe-2018-19/${f}`, '2018/19'),
    );
    const ds = importFiles(files).dataset;
    expect(ds.schools.find((s) => s.urn === '100000')).toMatchObject({
      laCode: '201',
      laName: 'City of London',
    });
    expect(ds.schools.filter((s) => !s.laName)).toEqual([]);
  });

  it('reads Windows-1252 names with accents and apostrophes correctly', () => {
    const ds = national.dataset;
    expect(rowOf(ds, '126416', '2018/19').name).toBe(
      'St Thomas à Becket Church of England Aided Primary School',
    );
    expect(rowOf(ds, '100000', '2018/19').name).toBe("Sir John Cass's Foundation Primary School");
    // 0x96 in Windows-1252 is an en dash (Latin-1 would give a control character)
    expect(rowOf(ds, '147416', '2018/19').name).toBe(
      "St Aelred's Catholic Primary School – a Catholic Voluntary Academy",
    );
    const details = reportOf(national.reports, 'school_details_2018_cp1252.csv');
    expect(details.encoding).toBe('windows-1252');
  });

  it('drops KS4 LA and national totals, not schools', () => {
    const ks4 = reportOf(national.reports, 'england_ks4provisional.csv');
    expect(ks4.skipped['not a school row (RECTYPE 4: LA or national total)']?.count).toBe(155);
    expect(rowOf(national.dataset, '145315', '2018/19').values).toMatchObject({
      ks4_att8: 32.7,
      ks4_p8: -1.08,
      ks4_p8_ci_lower: -1.28,
      ks4_p8_ci_upper: -0.87,
    });
  });
});

describeWithSharedData('single real files', () => {
  it('reads the scraped KS2 history with its year from "Academic Year" (2018 is 2017/18) and % values', () => {
    const f = readFile('ks2_perf_2018.csv', sharedFile('ks2-ks4-history/ks2_perf_2018.csv').bytes);
    expect(f.report.kind).toBe('ks2-scraped');
    const c = f.contributions.find((x) => x.urn === '138305');
    expect(c).toMatchObject({
      year: '2017/18',
      values: { ks2_rwm_exp_pct: 88, ks2_read_progress: 3.1, ks2_mat_progress: 1.3 },
    });
  });
  it('refuses to guess the year of a per-year file named with a bare year', () => {
    const f = readFile(
      '2018-850-ks2.csv',
      sharedFile('gias-2022-hampshire-surrey/2018-850-ks2.csv').bytes,
    );
    expect(f.contributions).toHaveLength(0);
    expect(f.report.problems[0]?.message).toMatch(/academic year of this file is not known/);
    expect(reportsBalance([f.report])).toBe(true);
  });
});

describeWithSharedData('Ofsted grade and inspection date', () => {
  it('come from the GIAS extract (Anstey Junior School: Good, 2 May 2019)', () => {
    const f = sharedFile('gias-2022-hampshire-surrey/gias_20220420_850_936_primary.csv');
    const gias = readFile(f.name, f.bytes);
    expect(gias.contributions.find((c) => c.urn === '115851')?.values).toMatchObject({
      ofsted_grade: 2,
      ofsted_inspected: 20190502,
    });
  });
  it('come from the DfE school details (Sir John Cass: Outstanding, 18 April 2013)', () => {
    const f = sharedFile('dfe-2018-19/school_details_2018_cp1252.csv');
    const details = readFile(f.name, f.bytes);
    expect(details.contributions.find((c) => c.urn === '100000')?.values).toMatchObject({
      ofsted_grade: 1,
      ofsted_inspected: 20130418,
    });
  });
  it('come from a school information file, whose closed and independent schools are skipped', () => {
    const file = 'test/fixtures/dfe/school_information_shape.csv';
    const parsed = readFile(file, readFileSync(file));
    expect(parsed.report.kind).toBe('school-information');
    expect(parsed.contributions).toHaveLength(1);
    expect(parsed.contributions[0]).toMatchObject({
      urn: '100000',
      name: "Sir John Cass's Foundation Primary School",
      laCode: '201',
      laName: 'City of London',
      phase: 'primary',
      values: { ofsted_grade: 1, ofsted_inspected: 20130418 },
    });
    expect(Object.keys(parsed.report.skipped).sort()).toEqual([
      'closed school',
      'independent school (not state-funded)',
    ]);
  });
});
