/**
 * A comparison group's authorities (named in its reasons), from rows found for every group in
 * one pass and kept on the index, or for one group at a time when the marks would be too many:
 * the same lists, first seen first, as a plain scan of the group's rows gives. On the demo data's real schools, for each scope.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  authoritiesOf,
  authorityRowsOf,
  buildGroupIndex,
  type Scope,
} from '../../src/domain/engine/group-index';
import { textAt } from '../../src/domain/table/school-table';
import { readCanonicalTable } from '../../src/import/canonical-table';

const t = readCanonicalTable(readFileSync('public/data/demo/dataset.csv', 'utf8'), 'demo');
const values = t.numeric.get('persistent_absence_pct')!;
const eligible = Uint8Array.from(values, (v) => (Number.isNaN(v) ? 0 : 1));

describe('authoritiesOf', () => {
  it.each(['dataset', 'la', 'partnership'] as Scope[])(
    'lists each %s group’s authorities',
    (scope) => {
      const gi = buildGroupIndex(t, values, eligible, scope);
      // Another index of the same groups, which never has its authority rows made.
      const bare = buildGroupIndex(t, values, eligible, scope);
      const G = gi.firstRow.length;
      expect(G).toBeGreaterThan(1);
      let several = false;
      for (let g = 0; g < G; g++) {
        const plain: string[] = [];
        for (let i = 0; i < t.n; i++) {
          if (gi.groupOf[i] !== g) continue;
          const name = textAt(t.laName, i) || textAt(t.laCode, i);
          if (!plain.includes(name)) plain.push(name);
        }
        several ||= plain.length > 1;
        expect(authoritiesOf(t, gi, g)).toEqual(plain);
        expect(authoritiesOf(t, bare, g, 0)).toEqual(plain);
        expect(bare.authorityRows).toBeUndefined();
      }
      if (scope === 'dataset') expect(several).toBe(true);
      // Made once, kept on the index (the worker makes them before the index crosses).
      expect(authorityRowsOf(t, gi)).toBe(gi.authorityRows);
      expect(gi.authorityRows?.offsets).toHaveLength(G + 1);
    },
  );
});
