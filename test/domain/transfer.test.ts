/**
 * Ratings crossing from the worker to the page: the decisions, with every indicator's
 * comparison groups, cloned as postMessage would, explain every school exactly as the worker's own
 * ratings do, and the page need not sort any group again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainIndicator } from '../../src/domain/engine/explain';
import { rateTable } from '../../src/domain/engine/rate-table';
import { decisionsOf, ratingsFromDecisions } from '../../src/domain/engine/transfer';
import { tableFromDataset } from '../../src/domain/table/from-school-years';
import { readCanonicalJson } from '../../src/import/canonical';
import { loadPreset } from '../helpers/schools';

describe('ratings sent to the page', () => {
  const table = tableFromDataset(
    readCanonicalJson(readFileSync('public/data/demo/dataset.json', 'utf8'), 'demo'),
  );
  const rules = loadPreset();
  const worker = rateTable(table, rules);
  const page = ratingsFromDecisions(table, rules, structuredClone(decisionsOf(worker)));

  it("carry every indicator's comparison groups and their authorities, so the page works out neither again", () => {
    worker.indicators.forEach((col, k) => {
      expect(page.indicators[k]!.builtGroups()).toEqual(col.groups());
      expect(page.indicators[k]!.builtGroups()?.authorityRows).toBeDefined();
    });
  });

  it('explain every school on every indicator as the worker would', () => {
    for (let k = 0; k < worker.indicators.length; k++)
      for (let i = 0; i < table.n; i++)
        expect(explainIndicator(page, k, i)).toEqual(explainIndicator(worker, k, i));
  });
});
