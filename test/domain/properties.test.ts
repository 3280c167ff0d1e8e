/** Property-based invariants of the engine (fast-check, seeded so failures reproduce). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateDataset, rollUp } from '../../src/domain/rate-dataset';
import type { Phase, SchoolYear } from '../../src/domain/types';
import { loadPreset, presetWith } from '../helpers/schools';

fc.configureGlobal({ seed: 20081201, numRuns: 150 });

const maybe = (arb: fc.Arbitrary<number>) => fc.option(arb, { nil: undefined, freq: 5 });
const pct = fc.double({ min: 0, max: 100, noNaN: true });

const schoolArb = (i: number): fc.Arbitrary<SchoolYear> =>
  fc
    .record({
      phase: fc.constantFrom<Phase>('primary', 'secondary', 'special'),
      partnership: fc.constantFrom('North', 'South', 'East'),
      laCode: fc.constantFrom('850', '936'),
      year: fc.constantFrom('2017/18', '2018/19'),
      values: fc.record({
        pupils: maybe(fc.integer({ min: 1, max: 2000 })),
        capacity: maybe(fc.integer({ min: 0, max: 2000 })),
        fsm_pct: maybe(pct),
        absence_pct: maybe(fc.double({ min: 0, max: 20, noNaN: true })),
        persistent_absence_pct: maybe(fc.double({ min: 0, max: 40, noNaN: true })),
        ks2_rwm_exp_pct: maybe(pct),
        ks2_mat_progress: maybe(fc.double({ min: -10, max: 10, noNaN: true })),
        ks4_att8: maybe(fc.double({ min: 10, max: 80, noNaN: true })),
        ks4_p8: maybe(fc.double({ min: -2, max: 2, noNaN: true })),
        ks4_p8_ci_lower: maybe(fc.double({ min: -2.5, max: 1.5, noNaN: true })),
        ks4_p8_ci_upper: maybe(fc.double({ min: -1.5, max: 2.5, noNaN: true })),
        condition_cost_per_m2: maybe(fc.double({ min: 0, max: 600, noNaN: true })),
        first_prefs_per_place: maybe(fc.double({ min: 0, max: 3, noNaN: true })),
      }),
    })
    .map((r) => ({
      ...r,
      urn: String(200000 + i),
      name: `S${i}`,
      laName: r.laCode === '850' ? 'Hampshire' : 'Surrey',
    }));

const datasetArb = fc
  .integer({ min: 1, max: 40 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => schoolArb(i))));

const rules = loadPreset();
const summary = (rows: readonly SchoolYear[]) => {
  const r = rateDataset(rows, rules);
  return new Map(
    r.schools.map((s) => [
      `${s.school.urn}|${s.school.year}`,
      JSON.stringify([s.byIndicator, s.overall]),
    ]),
  );
};

describe('engine invariants', () => {
  it('permuting rows changes no rating', () => {
    fc.assert(
      fc.property(
        datasetArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          expect(summary(shuffled)).toEqual(summary(rows));
        },
      ),
    );
  });

  it("a group's counts sum to its schools, for every indicator", () => {
    fc.assert(
      fc.property(datasetArb, (rows) => {
        for (const g of rollUp(rateDataset(rows, rules))) {
          for (const r of [...Object.values(g.byIndicator), g.overall]) {
            const { red, amber, green, none } = r.counts;
            expect(red + amber + green + none).toBe(g.schools.length);
          }
        }
      }),
    );
  });

  it('roll-up of one school equals that school', () => {
    fc.assert(
      fc.property(datasetArb, (rows) => {
        for (const row of rows) {
          const alone = rateDataset([row], rules);
          const s = alone.schools[0]!;
          const [g] = rollUp(alone);
          if (!g) throw new Error('no group');
          for (const ind of rules.indicators) {
            expect(g.byIndicator[ind.id]!.rating).toBe(s.byIndicator[ind.id]!.rating);
          }
          expect(g.overall.rating).toBe(s.overall.rating);
        }
      }),
    );
  });

  it('every school-year has a rating with a reason for every indicator', () => {
    fc.assert(
      fc.property(datasetArb, (rows) => {
        for (const s of rateDataset(rows, rules).schools)
          for (const r of Object.values(s.byIndicator)) {
            expect(r.reason.length).toBeGreaterThan(10);
            if (r.value === undefined) expect(r.rating).toBe('none');
          }
      }),
    );
  });
});

describe('ratings only change where a value crosses a cut-off', () => {
  // Absolute indicators: the cells between thresholds (edges as the preset spells them).
  const cells: [string, string, Phase, (v: number) => number][] = [
    [
      'persistent_absence',
      'persistent_absence_pct',
      'primary',
      (v) => (v >= 15 ? 2 : v >= 10 ? 1 : 0),
    ],
    [
      'building_condition',
      'condition_cost_per_m2',
      'primary',
      (v) => (v >= 250 ? 2 : v >= 100 ? 1 : 0),
    ],
    ['popularity', 'first_prefs_per_place', 'primary', (v) => (v < 0.8 ? 0 : v < 1 ? 1 : 2)],
    // With no band or confidence limit a score is never significantly below: no red.
    ['progress_ks2', 'ks2_mat_progress', 'primary', (v) => (v < 0 ? 1 : 2)],
    ['school_size', 'pupils', 'primary', (v) => (v < 60 ? 0 : v < 105 ? 1 : 2)],
    ['school_size', 'pupils', 'secondary', (v) => (v < 600 ? 0 : v < 900 ? 1 : 2)],
  ];
  it.each(cells)(
    '%s (%s, %s): same cell, same rating; different cell, different rating',
    (id, column, phase, cell) => {
      const one = presetWith(id);
      const rateValue = (v: number) =>
        rateDataset(
          [
            {
              urn: '1',
              name: 'A',
              laCode: '1',
              laName: 'L',
              phase,
              partnership: 'P',
              year: 'Y',
              values: { [column]: v },
            },
          ],
          one,
        ).schools[0]!.byIndicator[id]!.rating;
      fc.assert(
        fc.property(
          fc.double({ min: -20, max: 1500, noNaN: true }),
          fc.double({ min: -20, max: 1500, noNaN: true }),
          (a, b) => {
            expect(rateValue(a) === rateValue(b)).toBe(cell(a) === cell(b));
          },
        ),
      );
    },
  );

  it('quartile ratings agree with an independent QUARTILE.INC', () => {
    const quartileInc = (sorted: number[], p: number) => {
      const h = (sorted.length - 1) * p;
      const lo = Math.floor(h);
      return (
        sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!)
      );
    };
    const one = presetWith('deprivation');
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 4, maxLength: 30 }),
        (fsm) => {
          const rows = fsm.map((v, i): SchoolYear => ({
            urn: String(i),
            name: '',
            laCode: '1',
            laName: '',
            phase: 'primary',
            partnership: '',
            year: 'Y',
            values: { fsm_pct: v },
          }));
          const sorted = [...fsm].sort((a, b) => a - b);
          const q1 = quartileInc(sorted, 0.25);
          const q3 = quartileInc(sorted, 0.75);
          for (const s of rateDataset(rows, one).schools) {
            const v = s.school.values.fsm_pct!;
            expect(s.byIndicator.deprivation!.rating).toBe(
              v > q3 ? 'red' : v < q1 ? 'green' : 'amber',
            );
          }
        },
      ),
    );
  });
});
