/**
 * Clause use on real data: every clause of the preset fires on the demo (Hampshire and Surrey)
 * and on England 2018/19, for each indicator the data has; and a clause an earlier one always
 * pre-empts is found.
 */
import { describe, expect, it } from 'vitest';
import { buildNational } from '../../src/cli/build/build-national';
import { clauseKey, clauseUse } from '../../src/domain/engine/clause-use';
import { rateTable, type TableRatings } from '../../src/domain/engine/rate-table';
import { maskOf } from '../../src/domain/rated-view';
import { checkIndicator } from '../../src/domain/rule-checks';
import { compileRules } from '../../src/domain/rules/compile';
import { tableFromDataset } from '../../src/domain/table/from-school-years';
import { demoRated } from '../helpers/demo-ratings';
import { describeWithSharedData } from '../helpers/shared-data';

/** Per clause list that rated any school: the clauses that caught none (the editor's check). */
function idleClauses(tr: TableRatings, year: string): string[] {
  const use = clauseUse(tr, maskOf(tr.table, { year }));
  return tr.indicators.flatMap((col, k) =>
    checkIndicator(col.ind.rule, k, use).idle.map(
      (c) =>
        `${col.ind.rule.id} ${c.phases === 'all phases' ? 'clauses' : `byPhase.${c.phases}`}[${c.position - 1}]`,
    ),
  );
}

describe('how often each clause fires', () => {
  const { rated } = demoRated();
  const tr = rated.engine;
  const use = clauseUse(tr, maskOf(tr.table, { year: '2018/19' }));

  it('every clause of the preset fires on the demo, 2018/19', () => {
    expect(idleClauses(tr, '2018/19')).toEqual([]);
  });

  it('finds a clause that cannot fire: amber below the lower quartile, under a 65% floor', () => {
    const source = structuredClone(tr.rules.source);
    const ks2 = source.indicators.find((i) => i.id === 'attainment_ks2')!;
    ks2.byPhase!.primary![1] = { rating: 'amber', when: { op: '<', quantile: 0.25 } };
    const draft = rateTable(tr.table, compileRules(source));
    // The lower quartile (61%) is below the floor: every school under it is already red.
    expect(idleClauses(draft, '2018/19')).toEqual(['attainment_ks2 byPhase.primary[1]']);
  });

  it('counts agree with the ratings: rated and red per indicator, one clause per school', () => {
    const year = tr.table.year.dict.indexOf('2018/19');
    tr.indicators.forEach((col, j) => {
      let rated = 0;
      let red = 0;
      for (let i = 0; i < tr.table.n; i++) {
        if (tr.table.year.codes[i] !== year) continue;
        if (col.rating[i] !== 3) rated++;
        if (col.rating[i] === 0) red++;
      }
      expect(use.indicators[j]).toEqual({ rated, red });
    });
    const k = tr.indicators.findIndex((c) => c.ind.id === 'attainment_ks2');
    const fired = [0, 1, 2].map((c) => use.fired[clauseKey(k, 'byPhase.primary', c)] ?? 0);
    expect(fired[0]! + fired[1]! + fired[2]!).toBe(use.eligible[`${k}|byPhase.primary`]);
  });
});

describeWithSharedData('every clause of the preset on England 2018/19', () => {
  it('fires for each indicator England has data for', () => {
    const { rated } = demoRated();
    const tr = rateTable(tableFromDataset(buildNational().dataset), rated.engine.rules);
    expect(idleClauses(tr, '2018/19')).toEqual([]);
    // and England has data for the performance indicators it publishes
    const use = clauseUse(tr, undefined);
    const ratedOn = tr.indicators
      .filter((_, k) => use.indicators[k]!.rated > 0)
      .map((c) => c.ind.id);
    expect(ratedOn).toEqual(
      expect.arrayContaining([
        'attendance',
        'persistent_absence',
        'progress_ks2',
        'progress_ks2_reading',
        'progress_ks2_writing',
        'attainment_ks4',
        'progress_ks4',
      ]),
    );
  }, 60_000);
});
