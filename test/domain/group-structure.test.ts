/**
 * Rows' partnerships under a grouping, named in bulk as one at a time names them; group names
 * ranked as a plain sort ranks them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  partnershipAt,
  partnershipsAt,
  rankOf,
  UNASSIGNED,
} from '../../src/domain/engine/group-structure';
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

describe('rankOf', () => {
  it('ranks as a stable sort by < does: prefixes, ties, accents, surrogate pairs', () => {
    const plain = (values: string[]) => {
      const order = values
        .map((_, k) => k)
        .sort((x, y) => {
          const [a, b] = [values[x]!, values[y]!];
          return a < b ? -1 : a > b ? 1 : 0;
        });
      const rank = new Int32Array(values.length);
      order.forEach((k, r) => (rank[k] = r));
      return rank;
    };
    const word = fc.oneof(
      fc.constantFrom(
        '',
        'A',
        'Ab',
        'Abc',
        'Abcd',
        'abc',
        'Äbc',
        'THE',
        'THE A',
        'THE B',
        '𝄞',
        '\uffff',
      ),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 5 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), (values) => {
        expect([...rankOf(values)]).toEqual([...plain(values)]);
        // And by strings alone, as for more values than a double can rank exactly.
        expect([...rankOf(values, 0)]).toEqual([...plain(values)]);
      }),
    );
  });
});
