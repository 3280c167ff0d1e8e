/**
 * England benchmarks shipped in public/data/benchmarks/england.json: the quartiles agree with
 * values worked out independently from the raw DfE files (by a Python script, recorded in
 * test/cli/rate-national.test.ts), and the committed file is what `npm run data:build` makes now.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildNational } from '../../src/cli/build/build-national';
import {
  benchmarksOf,
  englandFigure,
  isBenchmarks,
  type Benchmarks,
} from '../../src/domain/benchmarks';
import { rateTable } from '../../src/domain/engine/rate-table';
import { tableFromDataset } from '../../src/domain/table/from-school-years';
import { loadPreset, loadPresetJson } from '../helpers/schools';
import { STATUS } from '../../src/domain/engine/codes';
import { explainIndicator } from '../../src/domain/engine/explain';
import { compileRules } from '../../src/domain/rules/compile';
import type { RuleSet } from '../../src/domain/rules/schema';
import { validateRuleSet } from '../../src/domain/rules/validate';
import { textAt } from '../../src/domain/table/school-table';
import { PHASES } from '../../src/domain/types';
import { readCanonicalJson } from '../../src/import/canonical';
import { describeWithSharedData } from '../helpers/shared-data';

const shipped = JSON.parse(
  readFileSync('public/data/benchmarks/england.json', 'utf8'),
) as Benchmarks;

describe('England benchmarks shipped with the app', () => {
  it('is a benchmarks file for England, 2018/19', () => {
    expect(isBenchmarks(shipped)).toBe(true);
    expect(shipped.population).toBe('England');
    expect(Object.keys(shipped.years)).toEqual(['2018/19']);
  });

  it('has the quartiles worked out independently from the DfE files', () => {
    const fig = (id: string, phase: 'primary' | 'secondary') => {
      const f = englandFigure(shipped, id, phase, '2018/19');
      if (!f.ok) throw new Error(f.why);
      return f.d;
    };
    expect(fig('attendance', 'primary')).toMatchObject({
      n: 16779,
      q: { '0.25': 3.4, '0.75': 4.6 },
    });
    expect(fig('attendance', 'secondary')).toMatchObject({
      n: 3148,
      q: { '0.25': 4.7, '0.75': 6.3 },
    });
    expect(fig('attainment_ks4', 'secondary').n).toBe(3007);
    expect(fig('attainment_ks4', 'secondary').q['0.25']).toBeCloseTo(41.4, 1);
    expect(fig('attainment_ks4', 'secondary').q['0.75']).toBeCloseTo(51.5, 1);
  });

  it('says when there is no England figure', () => {
    expect(englandFigure(shipped, 'attendance', 'primary', '2017/18')).toEqual({
      ok: false,
      why: 'no England figures for 2017/18',
    });
    expect(englandFigure(undefined, 'attendance', 'primary', '2018/19').ok).toBe(false);
  });
});

describeWithSharedData('the shipped England benchmarks are up to date', () => {
  it('equal what the build makes from ../shared/data now', () => {
    const rebuilt = benchmarksOf(
      rateTable(tableFromDataset(buildNational().dataset), loadPreset()),
      'England',
      shipped.source,
    );
    expect(rebuilt).toEqual(shipped);
  }, 60_000);
});

describe('rules banded against England (comparison scope "england")', () => {
  const demo = readCanonicalJson(readFileSync('public/data/demo/dataset.json', 'utf8'), 'demo');
  const englandRules = (): RuleSet => {
    const rules = loadPresetJson();
    const absence = rules.indicators.find((i) => i.id === 'attendance')!;
    absence.comparison = { scope: 'england' };
    return rules;
  };

  it("cuts the authority's schools at England's quartiles, and names England in the reason", () => {
    const rated = rateTable(
      tableFromDataset(demo),
      compileRules(englandRules(), { england: shipped }),
    );
    const k = rated.indicators.findIndex((c) => c.ind.id === 'attendance');
    const t = rated.table;
    const rows = [...Array(t.n).keys()].filter(
      (i) => textAt(t.year, i) === '2018/19' && t.phase[i] === PHASES.indexOf('primary'),
    );
    const upper = shipped.years['2018/19']!.attendance!.primary!.q['0.75']!;
    let reds = 0;
    for (const i of rows) {
      const r = explainIndicator(rated, k, i);
      if (r.value === undefined) continue;
      // Red exactly above England's upper quartile (4.6%), whatever the dataset's own is.
      expect(r.rating === 'red').toBe(r.value > upper);
      if (r.rating === 'red') {
        reds++;
        expect(r.reason).toContain(
          'above the upper quartile 4.6% of 16,779 primary schools in England, 2018/19',
        );
        expect(r.groupSize).toBe(16779);
      }
    }
    expect(reds).toBeGreaterThan(0);
  });

  it('says where there are no England figures, rather than banding on the dataset', () => {
    // KS2 attainment against England: red below the 65% floor needs no figures; amber below
    // England's median does, and the shipped file has none for 2017/18 (nor any KS2 RWM).
    const rules = loadPresetJson();
    const ks2 = rules.indicators.find((i) => i.id === 'attainment_ks2')!;
    ks2.comparison = { scope: 'england' };
    const rated = rateTable(tableFromDataset(demo), compileRules(rules, { england: shipped }));
    const k = rated.indicators.findIndex((c) => c.ind.id === 'attainment_ks2');
    const t = rated.table;
    // Rows rated on a value (cohorts under the minimum are not rated, whatever the scope).
    const col = rated.indicators[k]!;
    const rows = [...Array(t.n).keys()].filter(
      (i) => textAt(t.year, i) === '2017/18' && col.status[i] !== STATUS.belowMinPupils,
    );
    const above = rows.filter((i) => (rated.indicators[k]!.value[i] as number) >= 65);
    const below = rows.filter((i) => (rated.indicators[k]!.value[i] as number) < 65);
    expect(above.length).toBeGreaterThan(0);
    expect(below.length).toBeGreaterThan(0);
    for (const i of above) {
      const r = explainIndicator(rated, k, i);
      expect(r.rating).toBe('none');
      expect(r.reason).toMatch(
        /no England figures for primary schools in 2017\/18: the cut-off cannot be set/,
      );
    }
    for (const i of below) expect(explainIndicator(rated, k, i).rating).toBe('red');
  });

  it('accepts only the percentiles England figures are kept at', () => {
    const rules = englandRules();
    const absence = rules.indicators.find((i) => i.id === 'attendance')!;
    absence.clauses![0]!.when = { op: '>', quantile: 0.85 };
    const v = validateRuleSet(rules);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const k = rules.indicators.indexOf(absence);
    expect(v.issues).toContainEqual({
      path: `indicators[${k}].clauses[0].when.quantile`,
      message: expect.stringMatching(
        /^England figures are kept at 10th percentile, .*lower quartile.*90th percentile: use one of them, or compare with this dataset$/,
      ),
    });
  });
});
