/**
 * Rows' partnerships under a grouping, named in bulk as one at a time names them; group names
 * ranked as a plain sort ranks them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { partnershipAt, partnershipsAt, UNASSIGNED } from '../../src/domain/engine/group-structure';
import { rankOf } from '../../src/domain/engine/rank-strings';
import { readCanonicalTable } from '../../src/import/canonical-table';
import { allTexts } from '../../src/domain/table/text-column';

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
  const plain = (values: readonly string[]) => {
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
  it('ranks as a stable sort by < does: prefixes, ties, accents, surrogate pairs', () => {
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
        // And by comparing strings alone, as for more values than the radix sort takes.
        expect([...rankOf(values, 0)]).toEqual([...plain(values)]);
      }),
    );
  });

  it('ranks long runs sharing long prefixes, many ties and empty values the same way', () => {
    // A few units, long values: runs tied over many passes, longer than the small-run sort.
    const word = fc.oneof(
      fc.constant(''),
      fc.string({ unit: fc.constantFrom('a', 'b', 'é', '\uffff'), maxLength: 30 }),
      fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 20, maxLength: 24 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 300 }), (values) => {
        expect([...rankOf(values)]).toEqual([...plain(values)]);
      }),
    );
    expect([...rankOf(['', '', ''])]).toEqual([0, 1, 2]);
  });

  it("ranks the demo's partnership, authority and school names as a plain sort does", () => {
    // Real names: councils' "<name>: not in a trust" beside trusts, many sharing a start.
    for (const values of [t.partnership.dict, t.laName.dict, allTexts(t.name)])
      expect([...rankOf(values)]).toEqual([...plain(values)]);
  });
});
