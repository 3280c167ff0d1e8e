/**
 * The dictionary builders give every distinct value one code, in first-seen order, whether a value
 * comes as a string or as a range of UTF-8 bytes, through repeats, hash collisions and growth.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteDictBuilder, DictBuilder, NotUtf8 } from '../../../src/domain/table/dict-builder';

/** The plain meaning: codes by first appearance. */
function oracle(values: readonly string[]) {
  const dict: string[] = [];
  const codes = values.map((v) => {
    const k = dict.indexOf(v);
    return k >= 0 ? k : dict.push(v) - 1;
  });
  return { dict, codes };
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('DictBuilder and ByteDictBuilder', () => {
  it('code values given as strings and as ranges of bytes alike', () => {
    fc.assert(
      fc.property(
        // Few characters and lengths around the 16 where hashing changes: many near-collisions,
        // and characters of two, three and four bytes.
        fc.array(
          fc
            .array(fc.constantFrom('a', 'b', ',', 'é', '€', '𝄞'), { maxLength: 20 })
            .map((cs) => cs.join('')),
          { maxLength: 300 },
        ),
        fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }),
        (values, asRange) => {
          const b = new ByteDictBuilder(values.length);
          const plain = new DictBuilder(values.length);
          const parts = values.map(utf8);
          const text = new Uint8Array(1 + parts.reduce((s, p) => s + p.length + 1, 0));
          let at = 1;
          values.forEach((v, row) => {
            text.set(parts[row]!, at);
            if (asRange[row]) b.setRange(row, text, at, at + parts[row]!.length);
            else b.set(row, v);
            plain.set(row, v);
            at += parts[row]!.length + 1;
          });
          const want = oracle(values);
          for (const built of [b.build(), plain.build()]) {
            expect(built.dict).toEqual(want.dict);
            expect(Array.from(built.codes)).toEqual(want.codes);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps their codes through growth past many rehashes', () => {
    const values = Array.from({ length: 5000 }, (_, i) => `Trust ${i % 1700} of England`);
    for (const b of [new DictBuilder(10), new ByteDictBuilder(10)]) {
      values.forEach((v, row) => {
        b.grow(row + 1);
        b.set(row, v);
      });
      const want = oracle(values);
      expect(b.build().dict).toEqual(want.dict);
      expect(Array.from(b.codes)).toEqual(want.codes);
    }
  });

  it('keep the bytes of a value, not the buffer they came in, and say when bytes are not UTF-8', () => {
    const b = new ByteDictBuilder(3);
    const buffer = utf8('a,Long partnership name,b');
    b.setRange(0, buffer, 2, 23);
    buffer.fill(0x3f);
    expect(b.set(1, 'Long partnership name')).toBe(0);
    expect(b.value(0)).toBe('Long partnership name');
    b.setRange(2, new Uint8Array([0x41, 0xd6, 0x42]), 0, 3); // a Windows-1252 Ö
    expect(() => b.build()).toThrow(NotUtf8);
  });
});
