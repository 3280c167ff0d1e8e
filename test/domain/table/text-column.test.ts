/**
 * A text column gives back every value it was given, one at a time, all at once or found by
 * value, whatever the characters (ASCII, accents, characters of four bytes, empty values).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allTexts,
  rowsWith,
  textColumn,
  textOf,
  TextColumnBuilder,
} from '../../../src/domain/table/text-column';

const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc
    .array(fc.constantFrom('a', 'B', ' ', ',', 'é', '€', '𝄞', '1'), { maxLength: 24 })
    .map((cs) => cs.join('')),
);

describe('TextColumn', () => {
  it('gives back each value, alone or all together, and finds rows by value', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), (values) => {
        const one = textColumn(values);
        expect(values.map((_, i) => textOf(one, i))).toEqual(values);
        // A fresh column (nothing decoded yet) all at once, then one at a time from that.
        const all = textColumn(values);
        expect(allTexts(all)).toEqual(values);
        expect(values.map((_, i) => textOf(all, i))).toEqual(values);
        for (const v of new Set(values))
          expect(rowsWith(one, v)).toEqual(values.flatMap((w, i) => (w === v ? [i] : [])));
        expect(rowsWith(one, 'no such value \u0001')).toEqual([]);
      }),
    );
  });

  it('takes values as bytes, and says which are not ASCII', () => {
    const b = new TextColumnBuilder(1, 1);
    const bytes = new TextEncoder().encode('100000,Café,X');
    expect(b.addBytes(bytes, 0, 6)).toBe(false);
    expect(b.addBytes(bytes, 7, 12)).toBe(true);
    b.add('');
    expect(b.addBytes(bytes, 13, 14)).toBe(false);
    const c = b.build();
    expect(allTexts(c)).toEqual(['100000', 'Café', '', 'X']);
    expect(c.ends.length).toBe(4);
    expect(c.bytes.length).toBe(c.ends[3]);
  });
});
