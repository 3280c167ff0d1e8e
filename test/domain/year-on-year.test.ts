import { describe, expect, it } from 'vitest';
import { rateDataset } from '../../src/domain/rate-dataset';
import { previousOf, yearOnYear, yearsBySchool } from '../../src/domain/year-on-year';
import { presetWith, school } from '../helpers/schools';

describe('what moved since the previous year, rated by the engine', () => {
  const rules = presetWith('school_size', 'persistent_absence', 'progress_ks2');
  const rows = [
    school({ ks2_mat_progress: -9 }, { urn: 'A', year: '2016/17' }),
    school({ ks2_mat_progress: -6, persistent_absence_pct: 12 }, { urn: 'A', year: '2017/18' }),
    school(
      { ks2_mat_progress: 1, persistent_absence_pct: 16, pupils: 50 },
      { urn: 'A', year: '2018/19' },
    ),
    school({ ks2_mat_progress: 1 }, { urn: 'B', year: '2017/18' }),
    school({ ks2_mat_progress: -6, persistent_absence_pct: 16 }, { urn: 'B', year: '2018/19' }),
    school({ ks2_mat_progress: 1 }, { urn: 'C', year: '2018/19' }),
  ];
  // Rows in a shuffled order: the previous year is found by year, not by position.
  const rated = rateDataset([...rows].reverse(), rules);
  const by = yearsBySchool(rated.schools);
  const get = (urn: string, year: string) =>
    rated.schools.find((s) => s.school.urn === urn && s.school.year === year)!;
  const labels = rules.source.indicators;

  it('finds the latest earlier year of the same school, or none', () => {
    expect(previousOf(get('A', '2018/19'), by)?.school.year).toBe('2017/18');
    expect(previousOf(get('A', '2017/18'), by)?.school.year).toBe('2016/17');
    expect(previousOf(get('A', '2016/17'), by)).toBeUndefined();
    expect(previousOf(get('C', '2018/19'), by)).toBeUndefined();
  });

  it('lists worse moves before better ones, with values; compares only what both years rate', () => {
    const y = yearOnYear(get('A', '2017/18'), get('A', '2018/19'), labels);
    expect(y).toMatchObject({ fromYear: '2017/18', toYear: '2018/19' });
    expect(y.moved).toEqual([
      expect.objectContaining({
        indicator: 'persistent_absence',
        from: 'amber',
        to: 'red',
        way: 'worse',
        fromValue: 12,
        toValue: 16,
      }),
      expect.objectContaining({
        indicator: 'progress_ks2',
        from: 'red',
        to: 'green',
        way: 'better',
      }),
    ]);
    // one red in each year: amber overall both times
    expect(y.unchanged).toEqual(['Overall']);
    // no pupil count in 2017/18
    expect(y.notCompared).toEqual(['School size']);
    // a context indicator does not change what overall rests on
    expect(y.overallBasisDiffers).toEqual([]);
  });

  it('puts a change of overall rating first', () => {
    const y = yearOnYear(get('B', '2017/18'), get('B', '2018/19'), labels);
    expect(y.moved.map((m) => `${m.indicator}:${m.from}>${m.to}`)).toEqual([
      'overall:green>red',
      'progress_ks2:green>red',
    ]);
    expect(y.notCompared).toEqual(['Persistent absence']);
    // overall went red partly on an indicator with no data the year before: say so
    expect(y.overallBasisDiffers).toEqual(['Persistent absence']);
  });
});
