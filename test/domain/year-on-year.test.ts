import { describe, expect, it } from 'vitest';
import { rateDataset } from '../../src/domain/rate-dataset';
import { basisNote, previousOf, yearOnYear, yearsBySchool } from '../../src/domain/year-on-year';
import { demoRated } from '../helpers/demo-ratings';
import { presetWith, school } from '../helpers/schools';

describe('what moved since the previous year, rated by the engine', () => {
  const rules = presetWith('school_size', 'persistent_absence', 'progress_ks2');
  // KS2 progress is red below -5 only when significantly below average (DfE band 5 here).
  const rows = [
    school({ ks2_mat_progress: -9, ks2_mat_band: 5 }, { urn: 'A', year: '2016/17' }),
    school(
      { ks2_mat_progress: -6, ks2_mat_band: 5, persistent_absence_pct: 12 },
      { urn: 'A', year: '2017/18' },
    ),
    school(
      { ks2_mat_progress: 1, persistent_absence_pct: 16, pupils: 50 },
      { urn: 'A', year: '2018/19' },
    ),
    school({ ks2_mat_progress: 1 }, { urn: 'B', year: '2017/18' }),
    school(
      { ks2_mat_progress: -6, ks2_mat_band: 5, persistent_absence_pct: 16 },
      { urn: 'B', year: '2018/19' },
    ),
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

  it('never calls overall worse or better when the two years rest on different evidence', () => {
    const y = yearOnYear(get('B', '2017/18'), get('B', '2018/19'), labels, rules.source.overall);
    // overall went green to red partly on an indicator with no data the year before
    expect(y.moved.map((m) => `${m.indicator}:${m.from}>${m.to}`)).toEqual([
      'progress_ks2:green>red',
    ]);
    expect(y.notCompared).toEqual(['Overall', 'Persistent absence']);
    expect(y.basis).toEqual([{ label: 'Persistent absence', missingIn: '2017/18' }]);
    expect(y.overallBasisDiffers).toEqual(['Persistent absence']);
    // like for like, on KS2 maths progress alone: green (no red) then amber (one red)
    expect(y.likeForLike).toEqual({ on: ['KS2 maths progress'], from: 'green', to: 'amber' });
    expect(basisNote(y.fromYear, y.toYear, y.basis)).toBe('2017/18 has no Persistent absence data');
  });

  it('puts a change of overall rating first when both years rest on the same evidence', () => {
    const same = rateDataset(
      [
        school({ ks2_mat_progress: 1, persistent_absence_pct: 5 }, { urn: 'D', year: '2017/18' }),
        school(
          { ks2_mat_progress: -6, ks2_mat_band: 5, persistent_absence_pct: 16 },
          { urn: 'D', year: '2018/19' },
        ),
      ],
      rules,
    ).schools;
    const y = yearOnYear(same[0]!, same[1]!, labels, rules.source.overall);
    expect(y.moved.map((m) => `${m.indicator}:${m.from}>${m.to}`)).toEqual([
      'overall:green>red',
      'persistent_absence:green>red',
      'progress_ks2:green>red',
    ]);
    expect(y.likeForLike).toBeUndefined();
  });
});

describe('like for like on the real demo data (no absence data for 2017/18)', () => {
  it('no school is "new", "improved" or "worse" on absence, and overall moves only on the same evidence', () => {
    const { rated } = demoRated();
    const rules = rated.rules.source;
    const by = yearsBySchool(rated.schools);
    let compared = 0;
    for (const cur of rated.schools.filter((s) => s.school.year === '2018/19')) {
      const prev = previousOf(cur, by);
      if (!prev) continue;
      const y = yearOnYear(prev, cur, rules.indicators, rules.overall);
      compared++;
      expect(y.moved.map((m) => m.indicator)).not.toContain('attendance');
      if (y.basis.length) expect(y.moved.map((m) => m.indicator)).not.toContain('overall');
      if (cur.byIndicator.attendance?.rating !== 'none')
        expect(y.notComparable).toContainEqual({ label: 'Absence', missingIn: '2017/18' });
    }
    expect(compared).toBeGreaterThan(500);
  });
});

describe('values of different definitions in the two years', () => {
  const rules = presetWith('deprivation', 'persistent_absence');
  // Five schools a year, enough for quartiles; school A's FSM % falls from 40 to 5.
  const rows = ['2018/19', '2022/23'].flatMap((year) =>
    ['A', 'B', 'C', 'D', 'E'].map((urn, k) =>
      school(
        {
          fsm_pct: urn === 'A' ? (year === '2018/19' ? 40 : 5) : 10 + k * 5,
          persistent_absence_pct: 8 + k,
        },
        { urn, year },
      ),
    ),
  );
  const rated = rateDataset(rows, rules);
  const get = (urn: string, year: string) =>
    rated.schools.find((s) => s.school.urn === urn && s.school.year === year)!;
  const change = (id: string) =>
    id === 'deprivation' ? '2022/23: eligible now; 2018/19: the usual definition' : undefined;

  it('are not compared, and the reason is given, while the others still are', () => {
    const y = yearOnYear(
      get('A', '2018/19'),
      get('A', '2022/23'),
      rules.source.indicators,
      rules.source.overall,
      change,
    );
    expect(y.otherDefinition).toEqual([
      {
        label: 'Deprivation (FSM %)',
        why: '2022/23: eligible now; 2018/19: the usual definition',
      },
    ]);
    expect(y.moved.map((m) => m.label)).not.toContain('Deprivation (FSM %)');
    expect(y.unchanged).not.toContain('Deprivation (FSM %)');
    expect([...y.moved.map((m) => m.label), ...y.unchanged]).toContain('Persistent absence');
  });
});
