/**
 * A roll-up crossing from the worker to the page: its per-group arrays, copied so the worker
 * keeps its own, and nothing per row (the page holds no table).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rateTable } from '../../src/domain/engine/rate-table';
import { groupArraysOf, transferables } from '../../src/domain/engine/transfer';
import { rollUpFilter } from '../../src/domain/rated-view';
import { tableFromDataset } from '../../src/domain/table/from-school-years';
import { readCanonicalJson } from '../../src/import/canonical';
import { loadPreset } from '../helpers/schools';

describe('a roll-up sent to the page', () => {
  const table = tableFromDataset(
    readCanonicalJson(readFileSync('public/data/demo/dataset.json', 'utf8'), 'demo'),
  );
  const gt = rollUpFilter(rateTable(table, loadPreset()), { year: '2018/19' });

  it('holds every group’s figures and sizes, and no array per row', () => {
    const sent = structuredClone(groupArraysOf(gt));
    for (const k of ['counts', 'rating', 'aggregate', 'aggregateN', 'memberOffsets'] as const)
      expect(Array.from(sent[k])).toEqual(Array.from(gt[k]));
    expect(sent.name).toEqual(gt.name);
    expect(sent).not.toHaveProperty('members');
    expect(sent).not.toHaveProperty('partnershipOf');
    expect(sent).not.toHaveProperty('ratings');
  });

  it('gives away only copies: transferring them leaves the roll-up whole', () => {
    const sent = groupArraysOf(gt);
    const before = Array.from(gt.counts);
    structuredClone(sent, { transfer: transferables(sent) });
    expect(Array.from(gt.counts)).toEqual(before);
  });
});
