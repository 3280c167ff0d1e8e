/**
 * Explore Education Statistics school-level files (the DfE's current format), read from the real
 * copies in ../shared/data/ees: census 2022/23, absence 2013/14-2021/22, admissions 2014/15-2022/23.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../src/cli/build/sources';
import { fromTimePeriod } from '../../src/import/kinds/ees';
import { importFiles } from '../../src/import/import-files';
import { readFile } from '../../src/import/read-file';
import { reportsBalance } from '../../src/import/report-text';
import { describeWithSharedData } from '../helpers/shared-data';

const E = `${SHARED_DATA}/ees`;
const input = (name: string) => ({ name: `${E}/${name}`, bytes: readFileSync(`${E}/${name}`) });

describe('time_period', () => {
  it.each([
    ['202223', '2022/23'],
    ['201415', '2014/15'],
    ['2022', undefined],
    ['202224', undefined],
  ])('%s is %s', (t, y) => expect(fromTimePeriod(t)).toBe(y));
});

describeWithSharedData('EES school-level files', () => {
  it('census 2022/23: pupils, FSM (eligible now, said so), district, AP schools as pru', () => {
    const r = importFiles([input('spc_school_level_2022-23_850_919_936.csv')]);
    expect(reportsBalance(r.reports)).toBe(true);
    const report = r.reports[0]!;
    expect(report.kind).toBe('ees-census');
    expect(report.skipped['independent school (not state-funded)']?.count).toBe(220);
    const abbotswood = r.dataset.schools.find((s) => s.urn === '116482')!;
    expect(abbotswood).toMatchObject({
      year: '2022/23',
      name: 'Abbotswood Junior School',
      laCode: '850',
      laName: 'Hampshire',
      phase: 'primary',
      partnership: 'New Forest',
      values: { pupils: 609, fsm_pct: 25.8 },
    });
    expect(r.dataset.schools.find((s) => s.urn === '115836')?.phase).toBe('pru');
    expect(r.dataset.sources.find((s) => s.column === 'fsm_pct')?.definition).toMatch(/now/);
  });

  it('absence 2013/14-2021/22: every year from time_period, school rows only', () => {
    const parsed = readFile(
      `${E}/absence_school_bradford_2013-14_to_2021-22.csv`,
      readFileSync(`${E}/absence_school_bradford_2013-14_to_2021-22.csv`),
    );
    expect(parsed.report.kind).toBe('ees-absence');
    const years = new Set(parsed.contributions.map((c) => c.year));
    expect([...years].sort()).toEqual([
      '2013/14',
      '2014/15',
      '2015/16',
      '2016/17',
      '2017/18',
      '2018/19',
      '2020/21',
      '2021/22',
    ]);
    const rainbow = parsed.contributions.find((c) => c.urn === '137320' && c.year === '2020/21');
    expect(rainbow).toMatchObject({
      laCode: '380',
      phase: 'primary',
      values: { absence_pct: 4.54188, persistent_absence_pct: 10.35599 },
    });
  });

  it('admissions: first preferences per place, derived averages skipped', () => {
    const r = importFiles([
      input('spc_school_level_2022-23_850_919_936.csv'),
      input('apps_offers_school_level_2014-15_to_2022-23_850_919_936_rebuilt.csv'),
    ]);
    expect(reportsBalance(r.reports)).toBe(true);
    const report = r.reports.find((x) => x.kind === 'ees-admissions')!;
    expect(report.skipped["not a school's own figures (derived_row_type Average)"]?.count).toBe(33);
    const alton = r.dataset.schools.find((s) => s.urn === '115850' && s.year === '2014/15');
    expect(alton?.values.first_prefs_per_place).toBe(0.95); // 57 first preferences, 60 places
  });

  it('a 2022/23 census with absence of 2013/14-2021/22 says no year has both, and what to do', () => {
    const r = importFiles([
      input('spc_school_level_2022-23_850_919_936.csv'),
      input('absence_school_bradford_2013-14_to_2021-22.csv'),
    ]);
    const census = r.reports.find((x) => x.kind === 'ees-census')!;
    expect(census.notes).toContain(
      'the census is for 2022/23 but no results or absence file is (they are for 2013/14 to 2021/22, 8 years): its pupil and FSM figures sit in a year of their own, beside results without them. Its year is in the file (time_period): load the census of a results year, or results of the census year.',
    );
  });

  it('a DfE census given the year of its results joins them, and the note goes', () => {
    const D = `${SHARED_DATA}`;
    const file = (path: string, year?: string) => ({
      name: `${D}/${path}`,
      bytes: readFileSync(`${D}/${path}`),
      ...(year ? { year } : {}),
    });
    const results = file('ks2-ks4-history/ks2_perf_2017.csv');
    const apart = importFiles([file('dfe-2018-19/england_census.csv', '2018/19'), results]);
    expect(apart.reports.find((x) => x.kind === 'census')!.notes.join(' ')).toMatch(
      /the census is for 2018\/19 but no results or absence file is \(they are for 2016\/17\).*set this file's year\.$/,
    );
    const together = importFiles([file('dfe-2018-19/england_census.csv', '2016/17'), results]);
    expect(together.reports.flatMap((x) => x.notes).join(' ')).not.toMatch(/the census is for/);
  });
});
