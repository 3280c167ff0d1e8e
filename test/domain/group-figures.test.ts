/**
 * The heatmap drawn from the per-group arrays before the worker's reasons come says what the
 * worker's explanation says, reasons aside.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupFigures, groupFiguresOfArrays } from '../../src/domain/engine/explain-group';
import { rateTable } from '../../src/domain/engine/rate-table';
import { groupArraysOf } from '../../src/domain/engine/transfer';
import { rollUpFilter } from '../../src/domain/rated-view';
import { compileRules } from '../../src/domain/rules/compile';
import { readCanonicalTable } from '../../src/import/canonical-table';
import { loadPresetJson } from '../helpers/schools';

describe('a group from the per-group arrays', () => {
  const table = readCanonicalTable(
    readFileSync('public/data/demo/dataset.json', 'utf8'),
    'dataset.json',
  );
  const rules = loadPresetJson();
  const tr = rateTable(table, compileRules(rules));

  it.each([
    { year: '2018/19' },
    { year: '2017/18', phase: 'primary' as const },
    { year: '2018/19', grouping: 'trust' },
  ])('agrees with the worker’s explanation under %j, without the indicators’ reasons', (f) => {
    const gt = rollUpFilter(tr, f);
    const arrays = structuredClone(groupArraysOf(gt));
    for (let g = 0; g < gt.size; g++) {
      const full = groupFigures(gt, g);
      const drawn = groupFiguresOfArrays(arrays, rules.indicators, g);
      const blank = Object.fromEntries(
        Object.entries(full.byIndicator).map(([id, r]) => [id, { ...r, reason: '' }]),
      );
      expect(drawn).toEqual({ ...full, byIndicator: blank });
    }
  });
});
