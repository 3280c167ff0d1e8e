import { describe, expect, it } from 'vitest';
import { groupPhrase } from '../../src/domain/conditions';
import { comparisonGroupsByKey } from '../../src/domain/engine/explain';
import { rateTable } from '../../src/domain/engine/rate-table';
import type { CompiledIndicator } from '../../src/domain/rules/compile';
import { tableFromSchoolYears } from '../../src/domain/table/from-school-years';
import type { SchoolYear } from '../../src/domain/types';
import { presetWith, school } from '../helpers/schools';

// Reference values worked out by hand with Excel's QUARTILE.INC definition:
// position h = (n - 1) * p (0-based), value = x[floor h] + (h - floor h) * (x[floor h + 1] - x[floor h]).
/** The engine's comparison groups of one indicator, by key. */
const buildComparisonGroups = (rows: SchoolYear[], ind: CompiledIndicator) =>
  comparisonGroupsByKey(
    rateTable(tableFromSchoolYears(rows), { ...presetWith('attendance'), indicators: [ind] }),
    0,
  );

describe('comparison group quartiles match Excel QUARTILE.INC', () => {
  const groupOf = (values: number[], phase: 'primary' | 'secondary' = 'primary') => {
    const ind = presetWith('attendance').indicators[0]!;
    const groups = buildComparisonGroups(
      values.map((absence_pct) => school({ absence_pct }, { phase })),
      ind,
    );
    return groups.get(`${phase}|2018/19`)!;
  };
  it.each([
    [[1, 2, 3, 4], 1.75, 3.25],
    [[7, 8, 9, 10, 11, 12], 8.25, 10.75],
    [[4, 1, 3, 2, 5], 2, 4],
    [[3.2, 4.1, 4.1, 5.9, 6.3, 7.0, 4.4], 4.1, 6.1],
  ])('%j: Q1 %d, Q3 %d', (values, q1, q3) => {
    const g = groupOf(values);
    expect(g.quantile(0.25)).toBeCloseTo(q1, 12);
    expect(g.quantile(0.75)).toBeCloseTo(q3, 12);
  });

  it('groups by phase and year, and by authority when the scope is "la"', () => {
    const ind = presetWith('attendance').indicators[0]!;
    const rows = [
      school({ absence_pct: 1 }, { year: '2017/18' }),
      school({ absence_pct: 2 }, { year: '2018/19' }),
      school({ absence_pct: 3 }, { year: '2018/19', phase: 'secondary' }),
      school({ absence_pct: 4 }, { year: '2018/19', laCode: '936' }),
    ];
    expect([...buildComparisonGroups(rows, ind).keys()].sort()).toEqual([
      'primary|2017/18',
      'primary|2018/19',
      'secondary|2018/19',
    ]);
    const la = { ...ind, rule: { ...ind.rule, comparison: { scope: 'la' as const } } };
    expect([...buildComparisonGroups(rows, la).keys()].sort()).toEqual([
      'primary|2017/18|850',
      'primary|2018/19|850',
      'primary|2018/19|936',
      'secondary|2018/19|850',
    ]);
  });

  it('groups by partnership when the scope is "partnership", schools in none by authority', () => {
    const ind = presetWith('attendance').indicators[0]!;
    const rows = [
      school({ absence_pct: 1 }, { partnership: 'North' }),
      school({ absence_pct: 2 }, { partnership: 'North', laCode: '936', laName: 'Surrey' }),
      school({ absence_pct: 3 }, { partnership: 'South' }),
      school({ absence_pct: 4 }, { partnership: '' }),
      school({ absence_pct: 5 }, { partnership: '', laCode: '936', laName: 'Surrey' }),
    ];
    const scoped = { ...ind, rule: { ...ind.rule, comparison: { scope: 'partnership' as const } } };
    const groups = buildComparisonGroups(rows, scoped);
    // A partnership across two authorities is one group; no partnership is per authority.
    expect([...groups.keys()].sort()).toEqual([
      'primary|2018/19|850|',
      'primary|2018/19|936|',
      'primary|2018/19||North',
      'primary|2018/19||South',
    ]);
    expect(Array.from(groups.get('primary|2018/19||North')!.sorted)).toEqual([1, 2]);
    expect(groupPhrase(groups.get('primary|2018/19||North')!)).toBe(
      '2 primary schools in the partnership North, 2018/19 (this dataset)',
    );
    expect(groupPhrase(groups.get('primary|2018/19|936|')!)).toBe(
      '1 primary school in no partnership in Surrey, 2018/19 (this dataset)',
    );
  });

  it('leaves out schools without a value (missing is not zero)', () => {
    const ind = presetWith('attendance').indicators[0]!;
    const rows = [school({ absence_pct: 5 }), school({}), school({ absence_pct: undefined })];
    expect(Array.from(buildComparisonGroups(rows, ind).get('primary|2018/19')!.sorted)).toEqual([
      5,
    ]);
  });
});
