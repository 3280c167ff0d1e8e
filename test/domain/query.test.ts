/** A school's rows, found by one pass or from the index of every URN: the same, oldest first. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rowsByUrn, rowsOfSchool } from '../../src/domain/engine/query';
import { textAt } from '../../src/domain/table/school-table';
import { allTexts } from '../../src/domain/table/text-column';
import { readCanonicalTable } from '../../src/import/canonical-table';

describe('rowsOfSchool', () => {
  it('gives every demo school its rows oldest year first, before and after the index is made', () => {
    // The demo holds four years; read twice, so one table has no index yet.
    const text = readFileSync('public/data/demo/dataset.csv', 'utf8');
    const fresh = readCanonicalTable(text, 'demo');
    const indexed = readCanonicalTable(text, 'demo');
    const index = rowsByUrn(indexed);
    const urns = [...new Set(allTexts(fresh.urn))];
    expect(urns.some((u) => (index.get(u) ?? []).length > 2)).toBe(true);
    for (const urn of urns) {
      const rows = rowsOfSchool(fresh, urn);
      expect(rows).toEqual(index.get(urn));
      expect(rowsOfSchool(indexed, urn)).toEqual(rows);
      const years = rows.map((i) => textAt(fresh.year, i));
      expect(years).toEqual([...years].sort());
    }
    expect(rowsOfSchool(fresh, 'no such URN')).toEqual([]);
  });
});
