/**
 * The columnar engine against the row-at-a-time oracle (test/domain/oracle, the engine as it was
 * before): random datasets (ties, missing values and DfE codes, tiny groups, several years and
 * authorities, blank partnerships, illustrative values) and random valid rule sets (thresholds,
 * quantiles, benchmarks with margins, other columns and formulas, all/any, per-phase clauses,
 * minimum pupils, LA scope, every roll-up and aggregate kind). They must agree on every rating,
 * reason, cut-off, count and aggregate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RATING_CODE } from '../../src/domain/engine/codes';
import { rateTable } from '../../src/domain/engine/rate-table';
import { rollUpStructure } from '../../src/domain/engine/rollup-table';
import { rateDataset, rollUp } from '../../src/domain/rate-dataset';
import { compileRules } from '../../src/domain/rules/compile';
import type { Clause, Condition, IndicatorRule, RuleSet } from '../../src/domain/rules/schema';
import { validateRuleSet } from '../../src/domain/rules/validate';
import { BENCHMARK_POINTS, type Benchmarks, type Distribution } from '../../src/domain/benchmarks';
import { tableFromSchoolYears } from '../../src/domain/table/from-school-years';
import type { Phase, SchoolYear } from '../../src/domain/types';
import { rerate, whatIfTable } from '../../src/domain/what-if';
import { clauseUse } from '../../src/domain/engine/clause-use';
import { maskOf, rollUpFilter } from '../../src/domain/rated-view';
import { rateDataset as oracleRate } from './oracle/rate-dataset';
import { rollUp as oracleRollUp } from './oracle/rollup';

fc.configureGlobal({ seed: 20260125, numRuns: 200 });

const USED_PHASES: Phase[] = ['primary', 'secondary', 'special'];
const COLUMNS = ['a', 'b', 'c', 'pupils', 'capacity'] as const;
const FORMULAS = ['a - b', 'a / b', '(capacity - pupils) / capacity * 100', 'a * 2 + c', '-a'];

// Small integers make ties and values equal to cut-offs common; doubles make the rest.
const num = fc.oneof(
  fc.integer({ min: -5, max: 20 }),
  fc.double({ min: -50, max: 500, noNaN: true, noDefaultInfinity: true }),
);
const cell = fc.oneof(
  { weight: 6, arbitrary: num.map((v) => ({ v })) },
  { weight: 2, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.constantFrom('SUPP', 'NE', 'x').map((code) => ({ code })) },
);

const schoolArb = (i: number): fc.Arbitrary<SchoolYear> =>
  fc
    .record({
      phase: fc.constantFrom(...USED_PHASES),
      partnership: fc.constantFrom('North', 'South', '', ' '),
      trust: fc.option(fc.constantFrom('T1', 'T2'), { nil: undefined }),
      la: fc.constantFrom(0, 1, 2),
      year: fc.constantFrom('2017/18', '2018/19'),
      cells: fc.tuple(...COLUMNS.map(() => cell)),
      illustrative: fc.boolean(),
    })
    .map((r) => {
      const values: Record<string, number> = {};
      const missingCodes: Record<string, string> = {};
      COLUMNS.forEach((c, k) => {
        const x = r.cells[k] as { v?: number; code?: string };
        if (x.v !== undefined) values[c] = c === 'pupils' || c === 'capacity' ? Math.abs(x.v) : x.v;
        if (x.code) missingCodes[c] = x.code;
      });
      return {
        urn: String(100000 + i),
        name: `School ${i}`,
        laCode: ['850', '936', '919'][r.la] as string,
        laName: ['Hampshire', 'Surrey', ''][r.la] as string,
        phase: r.phase,
        partnership: r.partnership,
        year: r.year,
        values,
        ...(Object.keys(missingCodes).length ? { missingCodes } : {}),
        ...(r.trust ? { groupings: { trust: r.trust } } : {}),
        ...(r.illustrative ? { illustrative: ['b'] } : {}),
      };
    });

const datasetArb = fc
  .integer({ min: 1, max: 45 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => schoolArb(i))));

const op = fc.constantFrom('<', '<=', '>', '>=' as const);
const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ op, value: num }),
  fc.record({ op, quantile: fc.constantFrom(0.1, 0.25, 0.5, 0.75, 0.9) }),
  fc
    .record({
      op,
      benchmark: fc.constant('mean' as const),
      margin: fc.option(num, { nil: undefined }),
    })
    .map(({ margin, ...c }) => (margin === undefined ? c : { ...c, margin })),
  fc.record({ op, value: num, column: fc.constantFrom(...COLUMNS, 'not_a_column') }),
  fc.record({ op, value: num, expr: fc.constantFrom(...FORMULAS) }),
);
const condition: fc.Arbitrary<Condition> = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((all) => ({ all })) },
  { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((any) => ({ any })) },
);
const rating = fc.constantFrom('red', 'amber', 'green', 'none' as const);
const clauses: fc.Arbitrary<Clause[]> = fc
  .tuple(
    fc.array(fc.record({ rating, when: condition }), { minLength: 1, maxLength: 4 }),
    fc.option(rating, { nil: undefined }),
  )
  .map(([cs, otherwise]) => (otherwise ? [...cs, { rating: otherwise }] : cs));

const indicatorArb = (k: number): fc.Arbitrary<IndicatorRule> =>
  fc
    .record({
      source: fc.oneof(
        fc.constantFrom(...COLUMNS, 'not_a_column').map((column) => ({ column })),
        fc.constantFrom(...FORMULAS).map((formula) => ({ formula })),
      ),
      kind: fc.constantFrom('context', 'performance' as const),
      phases: fc.option(fc.subarray(USED_PHASES, { minLength: 1 }), { nil: undefined }),
      clauses,
      byPhase: fc.option(fc.tuple(fc.constantFrom(...USED_PHASES), clauses), { nil: undefined }),
      scope: fc.constantFrom('dataset', 'la', 'partnership', 'england'),
      minPupils: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
      unknownPupils: fc.option(fc.constantFrom('not_rated' as const, 'rated' as const), {
        nil: undefined,
      }),
      rollup: fc.oneof(
        fc.record({
          method: fc.constant('share'),
          redShare: fc.constantFrom(0.25, 0.5, 1),
          redOrAmberShare: fc.constantFrom(0.3, 0.5),
        }),
        fc.record({
          method: fc.constant('aggregate'),
          aggregate: fc.constantFrom(
            { kind: 'weighted_mean' as const },
            { kind: 'weighted_mean' as const, weight: 'capacity' },
            { kind: 'mean' as const },
            {
              kind: 'ratio' as const,
              numerator: 'capacity - pupils',
              denominator: 'capacity',
              scale: 100,
            },
          ),
        }),
      ),
    })
    .map((r): IndicatorRule => {
      const phases = r.phases ?? 'all';
      const byPhase =
        r.byPhase && (phases === 'all' || phases.includes(r.byPhase[0]))
          ? { [r.byPhase[0]]: r.byPhase[1] }
          : undefined;
      return {
        id: `ind${k}`,
        label: `Indicator ${k}`,
        family: 'test',
        kind: r.kind,
        ...r.source,
        polarity: 'lower_is_better',
        unit: k % 2 ? '%' : '',
        phases,
        clauses: r.clauses,
        ...(byPhase ? { byPhase } : {}),
        ...(r.scope !== 'dataset' ? { comparison: { scope: r.scope } } : {}),
        ...(r.minPupils !== undefined ? { minPupils: r.minPupils } : {}),
        ...(r.unknownPupils !== undefined ? { unknownPupils: r.unknownPupils } : {}),
        rollup: r.rollup,
      };
    });

const ruleSetArb: fc.Arbitrary<RuleSet> = fc
  .record({
    n: fc
      .integer({ min: 1, max: 4 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => indicatorArb(k)))),
    red: fc.integer({ min: 1, max: 3 }),
    amberRed: fc.integer({ min: 1, max: 3 }),
    amberAmber: fc.integer({ min: 1, max: 3 }),
  })
  .map((r) => ({
    name: 'random',
    version: 1,
    overall: {
      redWhenRedCount: r.red,
      amberWhenRedCount: Math.min(r.amberRed, r.red),
      amberWhenAmberCount: r.amberAmber,
    },
    indicators: r.n,
  }));

// England figures for England-scope rules: per year, indicator and phase, present or not (a
// year or phase without figures cannot be banded), with cut-offs among the data's values.
const distributionArb: fc.Arbitrary<Distribution> = fc
  .record({
    n: fc.integer({ min: 1, max: 20000 }),
    mean: num,
    cuts: fc.array(fc.integer({ min: -5, max: 20 }), {
      minLength: BENCHMARK_POINTS.length,
      maxLength: BENCHMARK_POINTS.length,
    }),
  })
  .map(({ n, mean, cuts }) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    return {
      n,
      mean,
      q: Object.fromEntries(BENCHMARK_POINTS.map((p, i) => [String(p), sorted[i]!])),
    };
  });
const englandArb: fc.Arbitrary<Benchmarks> = fc
  .array(fc.option(distributionArb, { nil: undefined }), { minLength: 24, maxLength: 24 })
  .map((dists) => {
    const years: Benchmarks['years'] = {};
    let k = 0;
    for (const year of ['2017/18', '2018/19'])
      for (let ind = 0; ind < 4; ind++)
        for (const phase of USED_PHASES) {
          const d = dists[k++];
          if (d) ((years[year] ??= {})[`ind${ind}`] ??= {})[phase] = d;
        }
    return {
      format: 'school-rag-benchmarks',
      version: 1,
      population: 'England',
      source: 'test',
      years,
    };
  });

function compiled(rules: RuleSet, england?: Benchmarks) {
  const v = validateRuleSet(rules);
  if (!v.ok) throw new Error(`generated an invalid rule set: ${JSON.stringify(v.issues)}`);
  return compileRules(v.rules, { england });
}

describe('columnar engine = row-at-a-time oracle', () => {
  it('every school rating, value, clause, cut-off, group size and reason', () => {
    fc.assert(
      fc.property(datasetArb, ruleSetArb, englandArb, (rows, rules, england) => {
        const c = compiled(rules, england);
        const expected = oracleRate(rows, c);
        const actual = rateDataset(rows, c);
        const decided = rateTable(tableFromSchoolYears(rows), c);
        expected.schools.forEach((e, i) => {
          const a = actual.schools[i]!;
          expect(a.byIndicator).toEqual(e.byIndicator);
          expect(a.overall).toEqual(e.overall);
          decided.indicators.forEach((col) =>
            expect(col.rating[i]).toBe(RATING_CODE[e.byIndicator[col.ind.id]!.rating]),
          );
          expect(decided.overall[i]).toBe(RATING_CODE[e.overall.rating]);
        });
      }),
    );
  });

  it('every roll-up: groups, members, counts, aggregates, ratings and reasons', () => {
    fc.assert(
      fc.property(
        datasetArb,
        ruleSetArb,
        fc.constantFrom('partnership', 'trust', 'sponsor'),
        englandArb,
        (rows, rules, grouping, england) => {
          const c = compiled(rules, england);
          const expected = oracleRollUp(oracleRate(rows, c), grouping);
          const actual = rollUp(rateDataset(rows, c), grouping);
          expect(actual.map((g) => [g.level, g.id, g.name, g.year])).toEqual(
            expected.map((g) => [g.level, g.id, g.name, g.year]),
          );
          actual.forEach((g, k) => {
            const e = expected[k]!;
            expect(g.schools.map((s) => s.school.urn)).toEqual(e.schools.map((s) => s.school.urn));
            expect(g.byIndicator).toEqual(e.byIndicator);
            expect(g.overall).toEqual(e.overall);
          });
        },
      ),
    );
  });

  it('a what-if re-rating only changed indicators equals rating the draft from scratch', () => {
    fc.assert(
      fc.property(datasetArb, ruleSetArb, ruleSetArb, (rows, saved, other) => {
        // The draft keeps some of the saved indicators and changes or adds others.
        const draft: RuleSet = {
          ...saved,
          indicators: saved.indicators.map((ind, k) =>
            k % 2 ? (other.indicators[k] ?? ind) : ind,
          ),
        };
        const before = rateTable(tableFromSchoolYears(rows), compiled(saved));
        const fast = rerate(before, compiled(draft));
        const full = rateTable(before.table, compiled(draft));
        fast.indicators.forEach((col, k) => expect(col.rating).toEqual(full.indicators[k]!.rating));
        expect(fast.overall).toEqual(full.overall);
        const filter = { year: '2018/19' };
        const savedRollUp = rollUpFilter(before, filter);
        // The draft's roll-up over the saved one (unchanged slots copied) equals rolling up
        // the draft from scratch.
        const reused = rollUpStructure(savedRollUp, fast, savedRollUp);
        const scratch = rollUpFilter(full, filter);
        for (const key of ['counts', 'rating', 'aggregate', 'aggregateN'] as const)
          expect(reused[key]).toEqual(scratch[key]);
        // Twice over the same saved roll-up: the second reuses the clause counts of columns
        // the draft kept; both equal counting the draft from scratch.
        const w = whatIfTable(before, fast, filter, savedRollUp);
        const again = whatIfTable(before, fast, filter, savedRollUp, 3);
        expect(w.draftUse).toEqual(clauseUse(full, maskOf(before.table, filter)));
        expect(again.draftUse).toEqual(w.draftUse);
        // A limit lists the first changes and counts all of them.
        expect(again.changes).toEqual(w.changes.slice(0, 3));
        expect(again.changeCount).toBe(w.changes.length);
        for (const ch of w.changes.filter((x) => x.level === 'school')) {
          const i = rows.findIndex((r) => r.urn === ch.id);
          const id = ch.indicator;
          const after =
            id === 'overall'
              ? full.overall[i]
              : full.indicators.find((x) => x.ind.id === id)?.rating[i];
          expect(after ?? RATING_CODE.none).toBe(RATING_CODE[ch.to]);
        }
      }),
    );
  });
});
