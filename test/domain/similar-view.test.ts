import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rateTable } from '../../src/domain/engine/rate-table';
import { rowsOfSchool } from '../../src/domain/engine/query';
import { compileRules } from '../../src/domain/rules/compile';
import { rankAmong, similarRows } from '../../src/domain/similar';
import { similarView } from '../../src/domain/similar-view';
import { readCanonicalTable } from '../../src/import/canonical-table';
import { demoRated } from '../helpers/demo-ratings';
import { loadPresetJson } from '../helpers/schools';

describe('similar schools as the school page shows them', () => {
  const table = readCanonicalTable(
    readFileSync('public/data/demo/dataset.json', 'utf8'),
    'dataset.json',
  );
  const tr = rateTable(table, compileRules(loadPresetJson()));
  const { rated } = demoRated();
  const row = rowsOfSchool(table, '115851')[2]!;
  const view = similarView(tr, row);

  it('lists the nearest schools in order, each with its measures and overall rating', () => {
    const near = similarRows(table, row);
    expect(view.schools.map((s) => s.urn)).toEqual(
      near.rows.map((i) => rated.schools[i]!.school.urn),
    );
    expect(view.year).toBe('2018/19');
    expect(view.type).toBe('junior');
    for (const [k, s] of view.schools.entries()) {
      const r = rated.schools[near.rows[k]!]!;
      const v = r.school.values;
      expect(s).toMatchObject({ name: r.school.name, laName: r.school.laName });
      expect(s.fsm).toBe(v.fsm_pct);
      expect(s.prior).toBe(v.ks2_prior_aps);
      expect(s.pupils).toBe(v.pupils);
      expect(s.sen).toBe(
        v.sen_support_pct === undefined || v.sen_ehcp_pct === undefined
          ? undefined
          : v.sen_support_pct + v.sen_ehcp_pct,
      );
      expect(s.overall).toBe(r.overall.rating);
    }
  });

  it('places the school among them on every performance indicator it and one other have', () => {
    const near = similarRows(table, row);
    const own = rated.schools[row]!;
    const performance = loadPresetJson().indicators.filter((i) => i.kind === 'performance');
    const expected = performance.flatMap((ind) => {
      const value = own.byIndicator[ind.id]!.value;
      const others = near.rows.map((i) => rated.schools[i]!.byIndicator[ind.id]!.value);
      const r = rankAmong(value, others, ind.polarity === 'lower_is_better');
      return r && r.of >= 2 ? [{ indicator: ind.id, rank: r }] : [];
    });
    expect(expected.length).toBeGreaterThan(2);
    expect(view.positions.map(({ indicator, rank }) => ({ indicator, rank }))).toEqual(expected);
    for (const p of view.positions) expect(Number.isFinite(p.mid)).toBe(true);
  });
});
