/**
 * The dictionary builder gives every distinct value one code, in first-seen order, whether a value
 * comes as a string or as a range of a larger text, through repeats, hash collisions and growth.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DictBuilder } from '../../../src/domain/table/dict-builder';

/** The plain meaning: codes by first appearance. */
function oracle(values: readonly string[]) {
  const dict: string[] = [];
  const codes = values.map((v) => {
    const k = dict.indexOf(v);
    return k >= 0 ? k : dict.push(v) - 1;
  });
  return { dict, codes };
}

describe('DictBuilder', () => {
  it('codes values given as strings and as ranges of a text alike', () => {
    fc.assert(
      fc.property(
        // Few characters and lengths around the 16 where hashing changes: many near-collisions.
        fc.array(fc.stringMatching(/^[ab,]{0,20}$/), { maxLength: 300 }),
        fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }),
        (values, asRange) => {
          const b = new DictBuilder(values.length);
          const text = `x${values.join('|')}`;
          let at = 1;
          values.forEach((v, row) => {
            if (asRange[row]) b.setRange(row, text, at, at + v.length);
            else b.set(row, v);
            at += v.length + 1;
          });
          const want = oracle(values);
          expect(b.dict).toEqual(want.dict);
          expect(Array.from(b.codes)).toEqual(want.codes);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps its codes through growth past many rehashes', () => {
    const values = Array.from({ length: 5000 }, (_, i) => `Trust ${i % 1700} of England`);
    const b = new DictBuilder(10);
    values.forEach((v, row) => {
      b.grow(row + 1);
      b.set(row, v);
    });
    const want = oracle(values);
    expect(b.dict).toEqual(want.dict);
    expect(Array.from(b.codes)).toEqual(want.codes);
  });

  it('finds a value again after its string is replaced by a copy', () => {
    const b = new DictBuilder(3);
    b.setRange(0, 'a,Long partnership name,b', 2, 23);
    b.detach(0, (vs) => vs.map((v) => ` ${v}`.slice(1)));
    b.set(1, 'other');
    expect(b.set(2, 'Long partnership name')).toBe(0);
  });
});
