/** Clause use on the real demo data: a clause an earlier one always pre-empts is found. */
import { describe, expect, it } from 'vitest';
import { clauseKey, clauseUse } from '../../src/domain/engine/clause-use';
import { maskOf } from '../../src/domain/rated-view';
import { demoRated } from '../helpers/demo-ratings';

describe('how often each clause fires', () => {
  const { rated } = demoRated();
  const tr = rated.engine;
  const k = tr.indicators.findIndex((c) => c.ind.id === 'attainment_ks2');
  const use = clauseUse(tr, maskOf(tr.table, { year: '2018/19' }));

  it('the KS2 amber clause (below the lower quartile) never fires: the quartile is below the 65% floor', () => {
    const red = use.fired[clauseKey(k, 'byPhase.primary', 0)] ?? 0;
    const amber = use.fired[clauseKey(k, 'byPhase.primary', 1)] ?? 0;
    const green = use.fired[clauseKey(k, 'byPhase.primary', 2)] ?? 0;
    expect(red).toBeGreaterThan(0);
    expect(amber).toBe(0);
    // every school with a value is caught by exactly one clause
    expect(red + amber + green).toBe(use.eligible[`${k}|byPhase.primary`]);
  });

  it('counts agree with the ratings: rated and red per indicator', () => {
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
  });
});
