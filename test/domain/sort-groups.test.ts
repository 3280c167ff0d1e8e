/**
 * The radix sort of comparison groups gives each group exactly what sorting its values with
 * Float64Array#sort gives: negatives, -0 and 0, huge and tiny magnitudes, values that tie on
 * their high word (the insertion finish, and its fallback past the budget), rows in no group.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillSortedGroups } from '../../src/domain/engine/sort-groups';

/** The plain meaning: each group's values in row order, sorted by Float64Array#sort. */
function oracle(values: Float64Array, groupOf: Int32Array, groups: number): Float64Array[] {
  return Array.from({ length: groups }, (_, g) =>
    Float64Array.from(values.filter((_, i) => groupOf[i] === g)).sort(),
  );
}

/** Checks every group; returns how many were sorted the plain way. */
function check(values: Float64Array, groupOf: Int32Array, groups: number, budget?: number): number {
  const want = oracle(values, groupOf, groups);
  const offsets = new Int32Array(groups + 1);
  want.forEach((w, g) => (offsets[g + 1] = (offsets[g] as number) + w.length));
  const out = new Float64Array(offsets[groups] as number);
  const plain = fillSortedGroups(values, groupOf, offsets, out, budget);
  // Compared with Object.is: -0 and 0 are told apart.
  want.forEach((w, g) => {
    const got = Array.from(out.subarray(offsets[g], offsets[g + 1]));
    expect(got.map((x, i) => Object.is(x, w[i]))).not.toContain(false);
  });
  return plain;
}

const value = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1, -1, 16.2, 16.200000000000003, 1e-310, -1e-310),
  fc.integer({ min: -100, max: 100 }).map((x) => x / 10),
);

describe('fillSortedGroups', () => {
  it('sorts each group as Float64Array#sort does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, fc.integer({ min: -1, max: 4 })), { maxLength: 400 }),
        (rows) => {
          check(
            Float64Array.from(rows, (r) => r[0]),
            Int32Array.from(rows, (r) => r[1]),
            5,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('needs no finishing move where values that differ differ in their high word', () => {
    // Tenths from -10 to 10, -0 among them: the radix passes alone give the order.
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(
              fc.integer({ min: -100, max: 100 }).map((x) => x / 10),
              fc.constant(-0),
            ),
            fc.integer({ min: -1, max: 2 }),
          ),
          { maxLength: 400 },
        ),
        (rows) => {
          const values = Float64Array.from(rows, (r) => r[0]);
          expect(
            check(
              values,
              Int32Array.from(rows, (r) => r[1]),
              3,
              0,
            ),
          ).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('sorts a long run of values that tie on their high word (past the insertion budget)', () => {
    // 5,000 values in [1, 1 + 2^-21): one high word, the low words in every order.
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 ** -21;
    const values = Float64Array.from({ length: 5000 }, () => 1 + next());
    expect(check(values, new Int32Array(5000), 1)).toBe(1);
    expect(check(values.reverse(), new Int32Array(5000), 1)).toBe(1);
  });
});
