/** Rows' partnerships under a grouping, named in bulk as one at a time names them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { partnershipAt, partnershipsAt, UNASSIGNED } from '../../src/domain/engine/group-structure';
import { readCanonicalTable } from '../../src/import/canonical-table';

const t = readCanonicalTable(readFileSync('public/data/demo/dataset.csv', 'utf8'), 'demo');
const rows = Array.from({ length: t.n }, (_, i) => t.n - 1 - i);

describe('partnershipsAt', () => {
  it.each(['partnership', ...t.groupings.keys(), 'no such grouping'])(
    'names every row under %s as partnershipAt does',
    (grouping) => {
      const names = partnershipsAt(t, rows, grouping);
      expect(names).toEqual(rows.map((i) => partnershipAt(t, i, grouping)));
      if (grouping === 'trust') expect(names).toContain(UNASSIGNED);
    },
  );
});
