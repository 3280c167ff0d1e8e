/**
 * Each string's place in code-unit order (as `<` compares strings), ties by first position,
 * without comparing strings: a most-significant-first radix sort whose digits are code units.
 *
 * A value's units are numbered from 1 (0 marks its end, which sorts before any unit): seven
 * bits each while they are ASCII, so a double holds five or six of them. Each pass sorts one run of values tied so
 * far by its next units, one number per value (its units, then its place in the run, so ties
 * keep their order) with one sort of a Float64Array; runs still tied go on to the next units,
 * and runs of a few values are finished by comparing strings. Names sharing their first two
 * units (a council's name, "THE ...", "ST ...": 2,694 of the 2,788) had been compared as strings
 * throughout, about 1 ms of the first roll-up of a national table.
 */

/** Runs of at most this many values are ordered by comparing strings. */
const SMALL_RUN = 8;
const EXACT = 2 ** 53;
/** ASCII units below 127 as 1-127 (0 marks a value's end): seven bits a unit. */
const ASCII_BASE = 128;
/** Any code unit as 1-65536. */
const ANY_BASE = 65537;

/** Values x and y in code-unit order, then by position. */
function compare(values: readonly string[], x: number, y: number): number {
  const a = values[x] as string;
  const b = values[y] as string;
  return a < b ? -1 : a > b ? 1 : x - y;
}

export function rankOf(
  values: readonly string[],
  /** More values than this are ranked by comparing strings alone (for the tests). */
  radixUpTo = 1 << 20,
): Int32Array {
  const n = values.length;
  const rank = new Int32Array(n);
  if (n > radixUpTo) {
    const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => compare(values, x, y));
    order.forEach((k, r) => (rank[k] = r));
    return rank;
  }
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  // Scratch for every run: runs are disjoint, and a run's part is used up before its own
  // tied runs are sorted in it.
  const scratch = { keys: new Float64Array(n), was: new Int32Array(n) };
  sortRun(values, order, scratch, 0, n, 0);
  for (let r = 0; r < n; r++) rank[order[r] as number] = r;
  return rank;
}

/** How many units of `base` a key holds beside a place below `places`, exactly. */
function unitsPerKey(base: number, places: number): number {
  let units = 0;
  for (let span = base; span * places <= EXACT; span *= base) units++;
  return units;
}

/** The least power of two at or above n: places below it split off a key without a division. */
function placesFor(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/**
 * Keys of order[lo, hi) from their units [depth, depth + units) in `base`, each followed by its
 * place in the run; false when a unit does not fit the base (a non-ASCII one in base 128).
 */
function fillKeys(
  values: readonly string[],
  order: Int32Array,
  keys: Float64Array,
  lo: number,
  hi: number,
  depth: number,
  base: number,
  units: number,
  places: number,
): boolean {
  const len = hi - lo;
  for (let j = 0; j < len; j++) {
    const v = values[order[lo + j] as number] as string;
    let key = 0;
    for (let p = depth; p < depth + units; p++) {
      const u = p < v.length ? v.charCodeAt(p) + 1 : 0;
      if (u >= base) return false;
      key = key * base + u;
    }
    keys[lo + j] = key * places + j;
  }
  return true;
}

/**
 * Orders order[lo, hi), whose values share their first `depth` units and are in first-position
 * order, by their units from `depth` on (ties keep their order).
 */
function sortRun(
  values: readonly string[],
  order: Int32Array,
  scratch: { keys: Float64Array; was: Int32Array },
  lo: number,
  hi: number,
  depth: number,
): void {
  const len = hi - lo;
  if (len < 2) return;
  if (len <= SMALL_RUN) {
    // Insertion sort: stable, and a few values need few comparisons.
    for (let i = lo + 1; i < hi; i++) {
      const x = order[i] as number;
      let j = i - 1;
      while (j >= lo && compare(values, order[j] as number, x) > 0) {
        order[j + 1] = order[j] as number;
        j--;
      }
      order[j + 1] = x;
    }
    return;
  }
  const { keys, was } = scratch;
  // A key is its units x places + its place in the run: places a power of two, so the two
  // parts come apart by exact multiplications (a remainder of doubles is a slow library call).
  const places = placesFor(len);
  const perPlace = 1 / places;
  // Seven bits a unit while the run's units are ASCII (names nearly always are), else 17.
  let base = ASCII_BASE;
  let units = unitsPerKey(base, places);
  if (!fillKeys(values, order, keys, lo, hi, depth, base, units, places)) {
    base = ANY_BASE;
    units = unitsPerKey(base, places);
    fillKeys(values, order, keys, lo, hi, depth, base, units, places);
  }
  keys.subarray(lo, hi).sort();
  was.set(order.subarray(lo, hi), lo);
  for (let j = lo; j < hi; j++) {
    const key = keys[j] as number;
    order[j] = was[lo + key - Math.floor(key * perPlace) * places] as number;
  }
  // Runs still tied: the same units. A run whose last unit is a value's end holds equal values,
  // already in order.
  let r = lo;
  while (r < hi) {
    const head = Math.floor((keys[r] as number) * perPlace);
    let end = r + 1;
    while (end < hi && Math.floor((keys[end] as number) * perPlace) === head) end++;
    if (end - r > 1 && head % base !== 0) sortRun(values, order, scratch, r, end, depth + units);
    r = end;
  }
}
