import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainIndicator } from '../../src/domain/engine/explain';
import { findGroup, groupMembers, indicatorsRatedIn } from '../../src/domain/engine/query';
import { rateTable } from '../../src/domain/engine/rate-table';
import { partnershipDetail, schoolReasons, schoolsTable } from '../../src/domain/partnership-view';
import { groupSummaries, rollUpFilter } from '../../src/domain/rated-view';
import { RATING_LABEL } from '../../src/domain/rating';
import { compileRules } from '../../src/domain/rules/compile';
import { RATINGS } from '../../src/domain/types';
import { readCanonicalTable } from '../../src/import/canonical-table';
import { demoRated } from '../helpers/demo-ratings';
import { loadPresetJson } from '../helpers/schools';

describe('a partnership as the worker answers its page', () => {
  const table = readCanonicalTable(
    readFileSync('public/data/demo/dataset.json', 'utf8'),
    'dataset.json',
  );
  const rules = loadPresetJson();
  const tr = rateTable(table, compileRules(rules));
  const { rated } = demoRated();
  const filter = { year: '2018/19', grouping: 'partnership' };
  const gt = rollUpFilter(tr, filter);
  const g = findGroup(gt, 'partnership', 'Winchester');
  const d = partnershipDetail(gt, g)!;

  it('gives its figures and its authority’s as the roll-up explains them', () => {
    const groups = groupSummaries(rated, filter);
    const { members, ...own } = groups.find(
      (x) => x.level === 'partnership' && x.id === 'Winchester',
    )!;
    const { members: la, ...authority } = groups.find(
      (x) => x.level === 'authority' && x.id === '850',
    )!;
    expect(d.group).toEqual({ ...own, schools: members.length });
    expect(d.authority).toEqual({ ...authority, schools: la.length });
  });

  it('lists its schools as columns, and what they are rated on', () => {
    const rows = Array.from(groupMembers(gt, g));
    expect(Array.from(d.schools.rows)).toEqual(rows);
    rows.forEach((row, p) => {
      const s = rated.schools[row]!;
      expect(d.schools.urn[p]).toBe(s.school.urn);
      expect(d.schools.name[p]).toBe(s.school.name);
      expect(d.schools.phase[p]).toBe(s.school.phase);
      expect(RATINGS[d.schools.overall[p]!]).toBe(s.overall.rating);
      rules.indicators.forEach((ind, k) => {
        expect(RATINGS[d.schools.rating[k]![p]!]).toBe(s.byIndicator[ind.id]!.rating);
        const v = d.schools.value[k]![p]!;
        expect(Number.isNaN(v) ? undefined : v).toBe(s.byIndicator[ind.id]!.value);
      });
    });
    const { shown, hidden } = indicatorsRatedIn(tr, rules.indicators, rows);
    expect(d.shown).toEqual(shown.map((i) => i.id));
    expect(d.hidden).toEqual(hidden.map((i) => i.id));
    expect(d.hidden).toContain('attainment_ks4');
    expect(d.ratedPhases.attendance).toEqual(['primary', 'all-through']);
    expect(d.ratedPhases.attainment_ks4).toEqual([]);
  });

  it('explains the schools on screen, and writes them as a table to download', () => {
    const rows = Array.from(d.schools.rows.subarray(0, 3));
    expect(schoolReasons(tr, rows)).toEqual(
      rows.map((i) => tr.indicators.map((_, k) => explainIndicator(tr, k, i).reason)),
    );
    const out = schoolsTable(tr, rows, ['attendance', 'no_such_indicator']);
    expect(out[0]).toEqual([
      'urn',
      'name',
      'phase',
      'year',
      'overall',
      'attendance_value',
      'attendance_rating',
      'attendance_reason',
    ]);
    const s = rated.schools[rows[0]!]!;
    expect(out[1]).toEqual([
      s.school.urn,
      s.school.name,
      s.school.phase,
      s.school.year,
      RATING_LABEL[s.overall.rating],
      s.byIndicator.attendance!.value,
      RATING_LABEL[s.byIndicator.attendance!.rating],
      s.byIndicator.attendance!.reason,
    ]);
  });

  it('is undefined for a group that is not a partnership of the roll-up', () => {
    expect(partnershipDetail(gt, -1)).toBeUndefined();
    expect(partnershipDetail(gt, findGroup(gt, 'authority', '850'))).toBeUndefined();
  });
});
