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
import { loadPreset } from '../helpers/schools';
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
