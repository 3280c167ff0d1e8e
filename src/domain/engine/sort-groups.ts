/**
 * Every comparison group's values sorted, in one radix sort over all of them: the high word of
 * each value's bits made into an unsigned key that orders as the numbers do, its top 22 bits
 * sorted 11 at a time from the lower (two stable counting passes, each skipped when all keys
 * share its digit), dealt out to the groups in that order, then finished by insertion. Sorting each
 * group's part with Float64Array#sort was most of the time of rating an indicator that uses
 * quartiles.
 */

const BITS = 11;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;
/** The two digits sorted on: bits 10-20 and 21-31 of a value's high word. */
const LOW_SHIFT = 10;
const HIGH_SHIFT = 21;
/** Whether this machine stores a double's low word first (every engine the app runs on does). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Writes the values of rows in a group (groupOf >= 0) into `out`, group g ascending in
 * out[offsets[g], offsets[g + 1]): the order Float64Array#sort gives, -0 before 0. Values must
 * not be NaN. Returns how many groups the finishing insertion could not settle within `budget`
 * moves per value, which were sorted the plain way.
 */
export function fillSortedGroups(
  values: Float64Array,
  groupOf: Int32Array,
  offsets: Int32Array,
  out: Float64Array,
  budget = 8,
): number {
  const cursor = offsets.slice(0, offsets.length - 1);
  const m = out.length;
  if (!LITTLE_ENDIAN) return sortEachGroup(values, groupOf, offsets, out);
  // The grouped values in row order, and their bits as unsigned words.
  const v = new Float64Array(m);
  const group = new Int32Array(m);
  for (let i = 0, k = 0; i < values.length; i++) {
    const g = groupOf[i] as number;
    if (g < 0) continue;
    v[k] = values[i] as number;
    group[k++] = g;
  }
  // Sorted by the top 22 bits of the high word (sign, exponent and 10 bits of mantissa: three
  // significant figures, so keys that tie are nearly always equal or neighbouring values), in
  // two passes of 11 bits, then an insertion sort over each group finishes the order, which
  // costs only the few values that tie on those bits.
  const words = new Uint32Array(v.buffer);
  let hi = new Uint32Array(m);
  let at = new Int32Array(m);
  // Both passes' digit counts are taken while the keys are made.
  const low = new Int32Array(BUCKETS);
  const high = new Int32Array(BUCKETS);
  for (let k = 0; k < m; k++) {
    const h = words[2 * k + 1] as number;
    // Negative: all bits flipped (larger magnitude sorts first); else the sign bit set.
    const key = h >>> 31 === 1 ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    hi[k] = key;
    at[k] = k;
    low[(key >>> LOW_SHIFT) & MASK]!++;
    high[key >>> HIGH_SHIFT]!++;
  }
  let hi2 = new Uint32Array(m);
  let at2 = new Int32Array(m);
  for (const [shift, count] of [
    [LOW_SHIFT, low],
    [HIGH_SHIFT, high],
  ] as const) {
    // A pass whose digit every key shares moves nothing.
    if (m === 0 || count[((hi[0] as number) >>> shift) & MASK] === m) continue;
    for (let d = 0, sum = 0; d < BUCKETS; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < m; k++) {
      const to = count[((hi[k] as number) >>> shift) & MASK]!++;
      hi2[to] = hi[k] as number;
      at2[to] = at[k] as number;
    }
    [hi, hi2] = [hi2, hi];
    [at, at2] = [at2, at];
  }
  for (let k = 0; k < m; k++) {
    const p = at[k] as number;
    out[cursor[group[p] as number]!++] = v[p] as number;
  }
  let plain = 0;
  for (let g = 0; g + 1 < offsets.length; g++) {
    const from = offsets[g] as number;
    const to = offsets[g + 1] as number;
    // Values that differ only far down (a formula's full-precision results, say) can tie on
    // the high word in long runs: past a linear budget the group is sorted the plain way.
    if (!insertionSort(out, from, to, budget * (to - from))) {
      out.subarray(from, to).sort();
      plain++;
    }
  }
  return plain;
}

/**
 * Sorts a[from, to) in place, -0 before 0, moving at most `budget` values; false (a[from, to)
 * a permutation of what it was) when that is not enough.
 */
function insertionSort(a: Float64Array, from: number, to: number, budget: number): boolean {
  let moves = 0;
  for (let i = from + 1; i < to; i++) {
    const x = a[i] as number;
    let j = i - 1;
    while (j >= from && before(x, a[j] as number)) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = x;
    moves += i - 1 - j;
    if (moves > budget) return false;
  }
  return true;
}

/** x sorts before y (as Float64Array#sort has it: -0 before 0). */
const before = (x: number, y: number): boolean =>
  x < y || (x === 0 && y === 0 && Object.is(x, -0) && !Object.is(y, -0));

/** The plain way, for a machine that stores a double's high word first. */
function sortEachGroup(
  values: Float64Array,
  groupOf: Int32Array,
  offsets: Int32Array,
  out: Float64Array,
): number {
  const cursor = offsets.slice(0, offsets.length - 1);
  for (let i = 0; i < values.length; i++) {
    const g = groupOf[i] as number;
    if (g >= 0) out[cursor[g]!++] = values[i] as number;
  }
  for (let g = 0; g + 1 < offsets.length; g++) out.subarray(offsets[g], offsets[g + 1]).sort();
  return offsets.length - 1;
}
