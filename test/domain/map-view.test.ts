import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainIndicator, explainOverall } from '../../src/domain/engine/explain';
import { partnershipAt } from '../../src/domain/engine/group-structure';
import { rowsMatching } from '../../src/domain/engine/query';
import { rateTable } from '../../src/domain/engine/rate-table';
import { mapData, pointReason, schoolLabels } from '../../src/domain/map-view';
import { compileRules } from '../../src/domain/rules/compile';
import { readCanonicalTable } from '../../src/import/canonical-table';
import { loadPresetJson } from '../helpers/schools';
import { textOf } from '../../src/domain/table/text-column';

describe('the map’s schools, as the worker answers the map', () => {
  const table = readCanonicalTable(
    readFileSync('public/data/demo/dataset.json', 'utf8'),
    'dataset.json',
  );
  const tr = rateTable(table, compileRules(loadPresetJson()));
  const filter = { year: '2018/19', grouping: 'trust' };
  const rows = rowsMatching(table, filter);
  const k = tr.indicators.findIndex((c) => c.ind.id === 'attendance');

  it('gives positions, the chosen indicator’s ratings and values, and places by code', () => {
    const m = mapData(tr, filter, 'attendance', 0);
    expect(Array.from(m.rows)).toEqual(rows);
    rows.forEach((row, p) => {
      expect(m.rating[p]).toBe(tr.indicators[k]!.rating[row]);
      expect(Object.is(m.value[p], tr.indicators[k]!.value[row])).toBe(true);
      expect(Object.is(m.lat[p], table.lat[row])).toBe(true);
      expect(Object.is(m.lon[p], table.lon[row])).toBe(true);
      const place = partnershipAt(table, row, 'trust');
      expect(m.places[m.placeOf[p]!]).toBe(place === '(no partnership)' ? '' : place);
    });
    // Names are asked for the rows shown when the map is too big to name every school.
    expect(m.labels).toBeUndefined();
  });

  it('rates overall when no indicator is chosen, and names every school of a small map', () => {
    const m = mapData(tr, filter, 'overall', rows.length);
    rows.forEach((row, p) => {
      expect(m.rating[p]).toBe(tr.overall[row]);
      expect(m.value[p]).toBeNaN();
    });
    expect(m.labels).toEqual(schoolLabels(tr, rows));
    expect(m.labels!.name[0]).toBe(textOf(table.name, rows[0]!));
    expect(m.labels!.urn[0]).toBe(textOf(table.urn, rows[0]!));
  });

  it('explains the school picked on the indicator chosen, or overall', () => {
    const row = rows[3]!;
    expect(pointReason(tr, row, 'attendance')).toBe(explainIndicator(tr, k, row).reason);
    expect(pointReason(tr, row, 'overall')).toBe(explainOverall(tr, row).reason);
  });
});
