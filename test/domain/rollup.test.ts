import { describe, expect, it } from 'vitest';
import { rateOverall } from '../../src/domain/overall';
import { rateDataset, rollUp } from '../../src/domain/rate-dataset';
import type { IndicatorRating } from '../../src/domain/rating';
import type { Rating } from '../../src/domain/types';
import { loadPreset, presetWith, school } from '../helpers/schools';

const persistent = (pcts: (number | undefined)[], partnership = 'North') =>
  pcts.map((p) => school({ persistent_absence_pct: p, pupils: 100 }, { partnership }));

function groupRating(pcts: (number | undefined)[]) {
  const ratings = rateDataset(persistent(pcts), presetWith('persistent_absence'));
  const [partnership] = rollUp(ratings);
  return partnership!.byIndicator.persistent_absence!;
}

describe('share roll-up (red at >= 25% red, amber at >= 50% red or amber)', () => {
  // persistent absence: >= 15 red, >= 10 amber, else green
  it.each([
    ['1 red of 4 (25%)', [16, 5, 5, 5], 'red'],
    ['1 red of 5 (20%)', [16, 5, 5, 5, 5], 'green'],
    ['1 red 1 amber of 5 (40%)', [16, 12, 5, 5, 5], 'green'],
    ['1 red 2 amber of 5 (60%)', [16, 12, 12, 5, 5], 'amber'],
    ['2 amber of 4 (50%)', [12, 12, 5, 5], 'amber'],
    ['unrated schools do not count', [16, 5, 5, 5, undefined, undefined], 'red'],
    ['none when nothing is rated', [undefined, undefined], 'none'],
  ] as const)('%s is %s', (_l, pcts, expected) => {
    expect(groupRating([...pcts]).rating).toBe(expected);
  });
  it('counts every school, including none, so counts sum to the group size', () => {
    expect(groupRating([16, 12, 5, undefined]).counts).toEqual({
      red: 1,
      amber: 1,
      green: 1,
      none: 1,
    });
  });
});

describe('aggregate values', () => {
  it('surplus places is a ratio of sums over schools with both values, rated on absolute triggers', () => {
    const rows = [
      school({ capacity: 200, pupils: 150 }),
      school({ capacity: 100, pupils: 100 }),
      school({ capacity: 300 }), // no pupils: left out of both sums
    ];
    const rules = presetWith('surplus_places');
    const [group] = rollUp(rateDataset(rows, rules));
    const g = group!.byIndicator.surplus_places!;
    expect(g.aggregate).toBeCloseTo(((300 - 250) / 300) * 100, 12);
    expect(g.aggregateN).toBe(2);
    expect(g.rating).toBe('amber'); // 16.7% >= 10
    expect(g.reason).toBe('Surplus places for North 16.7% is at or above 10%: amber');
  });
  it('group surplus needs both 25% and 30 empty places in total for red', () => {
    const rules = presetWith('surplus_places');
    const big = rollUp(
      rateDataset(
        [school({ capacity: 100, pupils: 70 }), school({ capacity: 100, pupils: 80 })],
        rules,
      ),
    );
    expect(big[0]!.byIndicator.surplus_places!.rating).toBe('red'); // 25%, 50 places
    const small = rollUp(
      rateDataset(
        [school({ capacity: 40, pupils: 28 }), school({ capacity: 40, pupils: 32 })],
        rules,
      ),
    );
    expect(small[0]!.byIndicator.surplus_places!.rating).toBe('amber'); // 25%, 20 places
  });
  it('other indicators aggregate as a pupil-weighted mean', () => {
    const rows = [
      school({ absence_pct: 4, pupils: 100 }),
      school({ absence_pct: 6, pupils: 300 }),
      school({ absence_pct: 9 }),
    ];
    const agg = rollUp(rateDataset(rows, presetWith('attendance')))[0]!.byIndicator.attendance!;
    expect(agg.aggregate).toBeCloseTo(5.5, 12);
    expect(agg.aggregateN).toBe(2);
  });
});

describe('roll-up levels', () => {
  it('rolls up to each partnership and each authority, per year', () => {
    const rows = [
      school({ absence_pct: 4 }, { partnership: 'A', laCode: '850' }),
      school({ absence_pct: 4 }, { partnership: 'B', laCode: '850' }),
      school({ absence_pct: 4 }, { partnership: 'B', laCode: '936', laName: 'Surrey' }),
      school(
        { absence_pct: 4 },
        { partnership: 'B', laCode: '936', laName: 'Surrey', year: '2017/18' },
      ),
    ];
    const groups = rollUp(rateDataset(rows, loadPreset()));
    expect(groups.map((g) => `${g.level}:${g.id}:${g.year}:${g.schools.length}`)).toEqual([
      'partnership:B:2017/18:1',
      'partnership:A:2018/19:1',
      'partnership:B:2018/19:2',
      'authority:936:2017/18:1',
      'authority:850:2018/19:2',
      'authority:936:2018/19:1',
    ]);
  });
  it('uses an alternative grouping when named, and an explicit bucket for the unassigned', () => {
    const rows = [school({}, { groupings: { trust: 'Oak Trust' } }), school({})];
    const groups = rollUp(rateDataset(rows, loadPreset()), 'trust').filter(
      (g) => g.level === 'partnership',
    );
    expect(groups.map((g) => g.id)).toEqual(['(no partnership)', 'Oak Trust']);
  });
});

describe('overall rating from performance indicators only', () => {
  const rule = { redWhenRedCount: 2, amberWhenRedCount: 1, amberWhenAmberCount: 2 };
  const ratings = (...rs: Rating[]) =>
    rs.map((rating, i) => ({ label: `P${i}`, rating: { rating } as IndicatorRating }));
  it.each([
    [['red', 'red', 'green'], 'red'],
    [['red', 'green', 'green'], 'amber'],
    [['amber', 'amber', 'green'], 'amber'],
    [['amber', 'green', 'none'], 'green'],
    [['green'], 'green'],
    [['none', 'none'], 'none'],
    [[], 'none'],
  ] as [Rating[], Rating][])('%j is %s', (rs, expected) => {
    expect(rateOverall(ratings(...rs), rule).rating).toBe(expected);
  });
  it('ignores context indicators (deprivation, size, surplus, condition, popularity)', () => {
    const s = school({
      fsm_pct: 90,
      pupils: 10,
      capacity: 400,
      condition_cost_per_m2: 900,
      first_prefs_per_place: 0.1,
      absence_pct: 4,
    });
    const bg = [1, 2, 3, 4].map((v) => school({ fsm_pct: v, absence_pct: v + 2 }));
    const r = rateDataset([s, ...bg], loadPreset()).schools[0]!;
    expect(r.byIndicator.school_size!.rating).toBe('red');
    expect(r.byIndicator.building_condition!.rating).toBe('red');
    expect(r.overall.rating).toBe('green');
  });
});
