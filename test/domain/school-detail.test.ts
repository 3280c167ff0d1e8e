import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rateTable } from '../../src/domain/engine/rate-table';
import { rowsOfSchool } from '../../src/domain/engine/query';
import { groupSummaries, rollUpFilter } from '../../src/domain/rated-view';
import { compileRules } from '../../src/domain/rules/compile';
import { schoolDetail } from '../../src/domain/school-detail';
import { readCanonicalTable } from '../../src/import/canonical-table';
import { demoRated } from '../helpers/demo-ratings';
import { loadPresetJson } from '../helpers/schools';

describe('one school’s detail, as the worker answers the school page', () => {
  const table = readCanonicalTable(
    readFileSync('public/data/demo/dataset.json', 'utf8'),
    'dataset.json',
  );
  const tr = rateTable(table, compileRules(loadPresetJson()));
  const { rated } = demoRated();
  const filter = { year: '2018/19', grouping: 'partnership' };
  const gt = rollUpFilter(tr, filter);

  it('explains every year of the school as the row-at-a-time ratings do', () => {
    const d = schoolDetail(gt, '115851', '2018/19', 'partnership')!;
    const expected = rated.schools.filter((s) => s.school.urn === '115851');
    expect(d.years.length).toBeGreaterThan(2);
    expect(d.years).toEqual(expected);
    expect(d.years[d.current]!.school.year).toBe('2018/19');
  });

  it('names its partnership and authority under the filter, their schools counted, not listed', () => {
    const d = schoolDetail(gt, '115851', '2018/19', 'partnership')!;
    expect(d.partnershipName).toBe('East Hampshire');
    const groups = groupSummaries(rated, filter);
    const { members: p, ...partnership } = groups.find(
      (g) => g.level === 'partnership' && g.id === 'East Hampshire',
    )!;
    const { members: a, ...authority } = groups.find(
      (g) => g.level === 'authority' && g.id === '850',
    )!;
    expect(d.partnership).toEqual({ ...partnership, schools: p.length });
    expect(d.authority).toEqual({ ...authority, schools: a.length });
    expect(d.partnership).not.toHaveProperty('members');
  });

  it('gives each comparison group’s values ascending, as copies the page may keep', () => {
    const d = schoolDetail(gt, '115851', '2018/19', 'partnership')!;
    const current = d.years[d.current]!;
    for (const ind of tr.indicators) {
      const values = Array.from(d.distributions[ind.ind.id]!);
      expect(values).toEqual([...values].sort((a, b) => a - b));
      const size = current.byIndicator[ind.ind.id]!.groupSize;
      // England-referenced groups are sized by England; the rest by the values listed.
      if (size !== undefined && !ind.ind.reference) expect(values.length).toBe(size);
      if (values.length) {
        // Detaching the copy (as a transfer does) leaves the engine's own values whole.
        structuredClone(d.distributions[ind.ind.id], {
          transfer: [d.distributions[ind.ind.id]!.buffer as ArrayBuffer],
        });
        expect(ind.groups().sorted.length).toBeGreaterThan(0);
      }
    }
    const again = schoolDetail(gt, '115851', '2018/19', 'partnership')!;
    expect(Object.values(again.distributions).some((v) => v.length > 0)).toBe(true);
  });

  it('shows the latest year when the school has none in the filter’s year', () => {
    const rows = rowsOfSchool(table, '115851');
    const d = schoolDetail(rollUpFilter(tr, { year: '2015/16' }), '115851', '2015/16', 'x')!;
    expect(d.current).toBe(rows.length - 1);
    expect(d.partnership).toBeUndefined();
  });

  it('is undefined for a URN the data does not have', () => {
    expect(schoolDetail(gt, '999999', '2018/19', 'partnership')).toBeUndefined();
  });
});
