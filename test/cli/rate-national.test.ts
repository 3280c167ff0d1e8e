/**
 * `rate` over the England 2018/19 dataset built from the real files, spot-checked against
 * values worked out independently by a Python script over the raw DfE files (phase from the
 * school-details flags, except census special/nursery/PRU; schools listed in the census or open
 * in school details; QUARTILE.INC by hand):
 *   primary absence, 16,779 schools: Q1 3.4, Q3 4.6; secondary absence, 3,148: Q1 4.7, Q3 6.3;
 *   secondary Attainment 8, 3,007 schools: Q1 41.4, Q3 51.5;
 *   URN 100000 (Sir John Cass's Foundation Primary) absence 2.6, persistent absence 3.4;
 *   URN 145315 (The Halley Academy) P8 -1.08, CI [-1.28, -0.87]; URN 100054 (Camden School
 *   for Girls) P8 0.74, CI [0.48, 1]; URN 144117 (South Kilworth CofE Primary) maths progress -5.8.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { beforeAll, expect, it } from 'vitest';
import { buildNational } from '../../src/cli/build/build-national';
import { runRate } from '../../src/cli/run-rate';
import { writeCanonicalCsv } from '../../src/import/canonical';
import { describeWithSharedData } from '../helpers/shared-data';

describeWithSharedData('rate on the real England 2018/19 dataset', () => {
  let rows: Record<string, string>[] = [];
  const find = (level: string, id: string, indicator: string) => {
    const r = rows.find((x) => x.level === level && x.id === id && x.indicator === indicator);
    if (!r) throw new Error(`no row ${level} ${id} ${indicator}`);
    return r;
  };

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'rate-'));
    writeFileSync(join(dir, 'england.csv'), writeCanonicalCsv(buildNational().dataset));
    let err = '';
    const code = runRate(
      [
        '--rules',
        'public/data/rules/essex-style.json',
        '--out',
        join(dir, 'out.csv'),
        join(dir, 'england.csv'),
      ],
      {
        stdout: () => undefined,
        stderr: (s) => (err += s),
      },
    );
    expect(code, err).toBe(0);
    rows = csvParse(readFileSync(join(dir, 'out.csv'), 'utf8'));
  });

  it('writes the documented header and one row per school x indicator plus overall', () => {
    expect(Object.keys(rows[0]!)).toEqual([
      'level',
      'id',
      'indicator',
      'year',
      'value',
      'rating',
      'reason',
      'red',
      'amber',
      'green',
      'none',
    ]);
    const schools = new Set(rows.filter((r) => r.level === 'school').map((r) => r.id));
    expect(schools.size).toBeGreaterThan(21000);
    expect(rows.filter((r) => r.level === 'school').length).toBe(schools.size * 14);
  });

  it('rates absence against the national primary quartiles', () => {
    const r = find('school', '100000', 'attendance');
    expect(r).toMatchObject({ year: '2018/19', value: '2.6', rating: 'green' });
    expect(r.reason).toBe(
      'Absence 2.6% is below the lower quartile 3.4% of 16,779 primary schools in 151 authorities, 2018/19 (this dataset): green',
    );
    expect(find('school', '100000', 'persistent_absence')).toMatchObject({
      value: '3.4',
      rating: 'green',
    });
  });

  it('uses the P8 confidence interval as the preset says', () => {
    expect(find('school', '145315', 'progress_ks4')).toMatchObject({
      value: '-1.08',
      rating: 'red',
    });
    expect(find('school', '100054', 'progress_ks4')).toMatchObject({
      value: '0.74',
      rating: 'green',
    });
    expect(find('school', '144117', 'progress_ks2')).toMatchObject({
      value: '-5.8',
      rating: 'red',
    });
  });

  it('rates secondary attainment by the national Attainment 8 quartiles', () => {
    const r = find('school', '145315', 'attainment_ks4');
    expect(r).toMatchObject({ value: '32.7', rating: 'red' });
    expect(r.reason).toBe(
      'Attainment 8 32.7 is below the lower quartile 41.4 of 3,007 secondary schools in 151 authorities, 2018/19 (this dataset): red',
    );
  });

  it('rates secondary absence by the secondary quartiles', () => {
    const r = find('school', '145315', 'attendance');
    expect(r.reason).toMatch(
      / (upper|lower) quartile (6\.3|4\.7)% of 3,148 secondary schools in 151 authorities, 2018\/19 \(this dataset\)/,
    );
  });

  it('rolls up to authorities with counts that sum to their schools', () => {
    const city = find('authority', '201', 'attendance');
    expect(city).toMatchObject({ red: '0', amber: '0', green: '1', none: '0', rating: 'green' });
    const authorities = rows.filter((r) => r.level === 'authority' && r.indicator === 'overall');
    expect(authorities.length).toBeGreaterThanOrEqual(150);
    const total = authorities.reduce(
      (t, a) => t + Number(a.red) + Number(a.amber) + Number(a.green) + Number(a.none),
      0,
    );
    expect(total).toBe(
      rows.filter((r) => r.level === 'school' && r.indicator === 'overall').length,
    );
  });
});
