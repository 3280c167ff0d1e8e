/**
 * The concern list's order (most red performance indicators, then most amber, then en-GB name,
 * then row) as a plain comparator sort gives it, by one numeric key or, past 2^53, by the
 * comparator way: over random ratings and names with ties, accents and case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RATING_CODE } from '../../src/domain/engine/codes';
import type { TableRatings } from '../../src/domain/engine/rate-table';
import { textColumn } from '../../src/domain/table/text-column';
import { mostSeriousFirst } from '../../src/domain/concern-order';

const byName = new Intl.Collator('en-GB');
const NAMES = ['Abbey', 'abbey', 'Åbbey', 'St Mary', "St Mary's", 'St. Mary', 'Zion', 'zion'];
const CODES = [RATING_CODE.red, RATING_CODE.amber, RATING_CODE.green, RATING_CODE.none];

describe('mostSeriousFirst', () => {
  it('orders as the comparator of reds, ambers, name and row does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(
          fc.record({
            name: fc.constantFrom(...NAMES),
            codes: fc.array(fc.constantFrom(...CODES), { minLength: 4, maxLength: 4 }),
          }),
          { maxLength: 60 },
        ),
        fc.boolean(),
        (width, schools, comparatorWay) => {
          const tr = {
            table: { name: textColumn(schools.map((s) => s.name)) },
            indicators: Array.from({ length: 4 }, (_, k) => ({
              rating: Uint8Array.from(schools, (s) => s.codes[k] as number),
            })),
          } as unknown as TableRatings;
          const performance = Array.from({ length: width }, (_, k) => k);
          const count = (i: number, code: number) =>
            performance.filter((k) => schools[i]!.codes[k] === code).length;
          const rows = schools.map((_, i) => i).filter((i) => i % 3 !== 1);
          const want = [...rows].sort(
            (a, b) =>
              count(b, RATING_CODE.red) - count(a, RATING_CODE.red) ||
              count(b, RATING_CODE.amber) - count(a, RATING_CODE.amber) ||
              byName.compare(schools[a]!.name, schools[b]!.name) ||
              a - b,
          );
          expect(mostSeriousFirst(tr, rows, performance, comparatorWay ? 0 : undefined)).toEqual(
            want,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
