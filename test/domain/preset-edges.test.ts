/**
 * Table-driven tests of every threshold edge of the Essex-style preset: equal to a cut-off,
 * just above, just below, missing, suppressed, and a comparison group too small to band.
 */
import { describe, expect, it } from 'vitest';
import { rateDataset } from '../../src/domain/rate-dataset';
import type { Phase, Rating } from '../../src/domain/types';
import { presetWith, school } from '../helpers/schools';

type Values = Record<string, number | undefined>;

function rate(
  id: string,
  subject: Values,
  opts: { phase?: Phase; background?: Values[]; missingCodes?: Record<string, string> } = {},
) {
  const phase = opts.phase ?? 'primary';
  const target = school(subject, {
    phase,
    urn: 'SUBJECT',
    ...(opts.missingCodes ? { missingCodes: opts.missingCodes } : {}),
  });
  const others = (opts.background ?? []).map((v) => school(v, { phase }));
  const rated = rateDataset([target, ...others], presetWith(id));
  return rated.schools[0]!.byIndicator[id]!;
}

const abs = (id: string, column: string, phase: Phase, rows: [number | undefined, Rating][]) =>
  describe(`${id} (${phase})`, () => {
    it.each(rows)(`${column} = %s is %s`, (value, expected) => {
      expect(rate(id, { pupils: 200, [column]: value }, { phase }).rating).toBe(expected);
    });
  });

abs('school_size', 'pupils', 'primary', [
  [59, 'red'],
  [59.99, 'red'],
  [60, 'amber'],
  [104, 'amber'],
  [104.99, 'amber'],
  [105, 'green'],
  [106, 'green'],
  [undefined, 'none'],
]);
abs('school_size', 'pupils', 'secondary', [
  [599, 'red'],
  [600, 'amber'],
  [899, 'amber'],
  [900, 'green'],
  [undefined, 'none'],
]);
abs('persistent_absence', 'persistent_absence_pct', 'primary', [
  [15.01, 'red'],
  [15, 'red'],
  [14.99, 'amber'],
  [10, 'amber'],
  [9.99, 'green'],
  [0, 'green'],
  [undefined, 'none'],
]);
// Red needs the DfE's band (4 below, 5 well below average) or a confidence limit to say the
// score is significantly below average; without either, a low score is amber.
const progress = (id: string, column: string, band: string, floor: number) =>
  describe(`${id}: below ${floor} and significantly below average red, below 0 amber`, () => {
    const rateWith = (v: number | undefined, extra: Values = {}) =>
      rate(id, { pupils: 200, ks2_cohort: 30, [column]: v, ...extra }).rating;
    it.each([
      [floor - 0.01, { [band]: 5 }, 'red'],
      [floor - 0.01, { [band]: 4 }, 'red'],
      [floor - 0.01, { [`${column}_ci_upper`]: -0.1 }, 'red'],
      [floor - 0.01, { [band]: 3 }, 'amber'],
      [floor - 0.01, { [`${column}_ci_upper`]: 0 }, 'amber'],
      [floor - 0.01, {}, 'amber'],
      [floor, { [band]: 5 }, 'amber'],
      [-0.01, {}, 'amber'],
      [0, {}, 'green'],
      [0.01, { [band]: 1 }, 'green'],
      [undefined, {}, 'none'],
    ] as const)('%s with %o is %s', (v, extra, expected) => {
      expect(rateWith(v, extra)).toBe(expected);
    });
    it('is not rated for a cohort under 11, with the reason; rated when the cohort is unknown', () => {
      const small = rate(id, { ks2_cohort: 10, [column]: -9, [band]: 5 });
      expect(small.rating).toBe('none');
      expect(small.reason).toMatch(/not rated, 10 pupils \(minimum 11\)/);
      expect(rate(id, { ks2_cohort: 11, [column]: -9, [band]: 5 }).rating).toBe('red');
      expect(rate(id, { [column]: -9, [band]: 5 }).rating).toBe('red');
    });
  });
progress('progress_ks2', 'ks2_mat_progress', 'ks2_mat_band', -5);
progress('progress_ks2_reading', 'ks2_read_progress', 'ks2_read_band', -5);
progress('progress_ks2_writing', 'ks2_writ_progress', 'ks2_writ_band', -7);
abs('building_condition', 'condition_cost_per_m2', 'primary', [
  [250.01, 'red'],
  [250, 'red'],
  [249.99, 'amber'],
  [100, 'amber'],
  [99.99, 'green'],
  [undefined, 'none'],
]);
abs('popularity', 'first_prefs_per_place', 'secondary', [
  [0.79, 'red'],
  [0.8, 'amber'],
  [0.99, 'amber'],
  [1, 'green'],
  [1.01, 'green'],
  [undefined, 'none'],
]);

describe('school_size does not apply to other phases', () => {
  it.each(['special', 'nursery', 'pru'] as Phase[])('%s is none, not applicable', (phase) => {
    const r = rate('school_size', { pupils: 20 }, { phase });
    expect(r).toMatchObject({ rating: 'none', applicable: false });
    expect(r.reason).toMatch(/not applicable/);
  });
});

describe('surplus_places: (capacity - pupils) / capacity * 100', () => {
  it.each([
    ['25% and 30 places', 120, 90, 'red'],
    ['25% but only 29 places', 116, 87, 'amber'],
    ['just under 25%, 30+ places', 400, 301, 'amber'],
    ['exactly 10%', 200, 180, 'amber'],
    ['just under 10%', 1000, 901, 'green'],
    ['full', 200, 200, 'green'],
    ['exactly -5% (over capacity)', 200, 210, 'green'],
    ['just over 5% over capacity', 1000, 1051, 'amber'],
  ] as const)('%s: capacity %d, pupils %d is %s', (_label, capacity, pupils, expected) => {
    expect(rate('surplus_places', { capacity, pupils }).rating).toBe(expected);
  });
  it('is none when capacity or pupils is missing, or capacity is zero', () => {
    expect(rate('surplus_places', { capacity: 200 }).rating).toBe('none');
    expect(rate('surplus_places', { pupils: 200 }).rating).toBe('none');
    expect(rate('surplus_places', { capacity: 0, pupils: 0 }).rating).toBe('none');
  });
  it('says which condition of a compound trigger failed', () => {
    expect(rate('surplus_places', { capacity: 116, pupils: 87 }).reason).toBe(
      'Surplus places 25% is at or above 10%: amber',
    );
    expect(rate('surplus_places', { capacity: 120, pupils: 90 }).reason).toBe(
      'Surplus places 25% is at or above 25% and capacity - pupils 30 is at or above 30: red',
    );
  });
});

describe('progress_ks4: P8 below -0.5 AND upper CI below 0 is red; lower CI above 0 is green', () => {
  const p8 = (ks4_p8: number, lo: number | undefined, hi: number | undefined) =>
    rate(
      'progress_ks4',
      { ks4_p8, ks4_p8_ci_lower: lo, ks4_p8_ci_upper: hi },
      { phase: 'secondary' },
    );
  it.each([
    [-0.51, -0.8, -0.01, 'red'],
    [-0.51, -0.8, 0, 'amber'],
    [-0.5, -0.8, -0.2, 'amber'],
    [-0.9, -1.2, undefined, 'amber'],
    [0.3, 0, 0.6, 'amber'],
    [0.3, 0.01, 0.6, 'green'],
    [0.3, undefined, 0.6, 'amber'],
  ] as const)('P8 %d, CI [%s, %s] is %s', (v, lo, hi, expected) => {
    expect(p8(v, lo, hi).rating).toBe(expected);
  });
  it('does not match a clause on a missing confidence limit and says so', () => {
    expect(p8(-0.9, -1.2, undefined).reason).toMatch(
      /Progress 8 upper confidence limit is missing/,
    );
  });
});

// Background chosen so Q1 = 20 and Q3 = 40 exactly whatever the subject's value in (1, 50):
// 10 values, QUARTILE.INC positions 2.25 and 6.75 fall between equal neighbours.
const BG = [1, 20, 20, 20, 30, 40, 40, 40, 50];
const background = (column: string, shift = 0, scale = 1) =>
  BG.map((v) => ({ [column]: v * scale + shift, pupils: 200 }));

describe.each([
  ['deprivation', 'fsm_pct', 'primary', ['green', 'amber', 'amber', 'amber', 'amber', 'red']],
  ['attendance', 'absence_pct', 'secondary', ['green', 'amber', 'amber', 'amber', 'amber', 'red']],
] as const)('%s by quartile (%s)', (id, column, phase, expected) => {
  it.each([19.99, 20, 20.01, 39.99, 40, 40.01].map((v, i) => [v, expected[i]]))(
    `${column} %s is %s (Q1 = 20, Q3 = 40: equal to a cut-off is the middle band)`,
    (v, rating) => {
      expect(
        rate(id, { [column]: v as number, pupils: 200 }, { phase, background: background(column) })
          .rating,
      ).toBe(rating);
    },
  );
  it('explains with the cut-off and the group size', () => {
    const r = rate(id, { [column]: 45, pupils: 200 }, { phase, background: background(column) });
    expect(r.groupSize).toBe(10);
    expect(r.thresholds).toContainEqual({ label: 'upper quartile', value: 40 });
  });
  it('is none with the reason when fewer than 4 schools have a value', () => {
    const r = rate(
      id,
      { [column]: 45, pupils: 200 },
      { phase, background: [{ [column]: 1 }, { [column]: 2 }] },
    );
    expect(r.rating).toBe('none');
    expect(r.reason).toMatch(/only 3 .* with a value: too few \(fewer than 4\) to set cut-offs/);
  });
  it('is none, never green, when the value is missing or suppressed', () => {
    const r = rate(
      id,
      { pupils: 200 },
      { phase, background: background(column), missingCodes: { [column]: 'SUPP' } },
    );
    expect(r.rating).toBe('none');
    expect(r.reason).toMatch(/no data for 2018\/19 \(SUPP: suppressed\)/);
  });
});

describe('attainment_ks2: below 65 red (floor), below the median amber, else green', () => {
  // The median is 70 whichever of the values below the subject has.
  const bg = [40, 50, 60, 70, 70, 70, 70, 70, 80, 90, 100].map((v) => ({
    ks2_rwm_exp_pct: v,
    pupils: 200,
  }));
  it.each([
    [64.99, 'red'],
    [65, 'amber'],
    [69.99, 'amber'],
    [70, 'green'],
    [70.01, 'green'],
  ] as const)('%s%% is %s', (v, expected) => {
    expect(
      rate('attainment_ks2', { ks2_rwm_exp_pct: v, pupils: 200 }, { background: bg }).rating,
    ).toBe(expected);
  });
  it('rates below the floor red even when the group is too small to band', () => {
    expect(rate('attainment_ks2', { ks2_rwm_exp_pct: 50 }).rating).toBe('red');
    expect(rate('attainment_ks2', { ks2_rwm_exp_pct: 80 }).rating).toBe('none');
  });
  it('is not rated for a KS2 cohort under 11', () => {
    const r = rate('attainment_ks2', { ks2_rwm_exp_pct: 50, ks2_cohort: 8 }, { background: bg });
    expect(r.rating).toBe('none');
    expect(r.reason).toMatch(/not rated, 8 pupils \(minimum 11\)/);
  });
  it('does not apply to secondary schools', () => {
    expect(rate('attainment_ks2', { ks2_rwm_exp_pct: 50 }, { phase: 'secondary' }).applicable).toBe(
      false,
    );
  });
});

describe('attainment_ks4: below Q1 red, above Q3 green, else amber', () => {
  const bg = BG.map((v) => ({ ks4_att8: v, pupils: 900 })); // Q1 = 20, Q3 = 40
  it.each([
    [19.99, 'red'],
    [20, 'amber'],
    [40, 'amber'],
    [40.01, 'green'],
  ] as const)('%s is %s', (v, expected) => {
    expect(
      rate('attainment_ks4', { ks4_att8: v, pupils: 900 }, { phase: 'secondary', background: bg })
        .rating,
    ).toBe(expected);
  });
});

describe('reason text', () => {
  it('reads as plain English with the cut-off and the comparison group', () => {
    const r = rate(
      'attendance',
      { absence_pct: 45, pupils: 200 },
      { background: background('absence_pct') },
    );
    expect(r.reason).toBe(
      'Absence 45% is above the upper quartile 40% of 10 primary schools in Hampshire, 2018/19 (this dataset): red',
    );
  });
  it('names both bounds of the middle band once', () => {
    const r = rate(
      'attendance',
      { absence_pct: 30, pupils: 200 },
      { background: background('absence_pct') },
    );
    expect(r.reason).toBe(
      'Absence 30% is at or above the lower quartile 20% and at or below the upper quartile 40% of 10 primary schools in Hampshire, 2018/19 (this dataset): amber',
    );
  });
});
