/**
 * One column's DfE missing codes by row, read where they lie in two typed arrays (rows in
 * ascending order, and each row's code as an index into a short list). The page gets a table's
 * codes this way from the worker: building a Map of half a million entries (a 100 MB file) held
 * its main thread for over 20 ms, and a school's code is looked up only when it is shown.
 */
export class RowCodes implements ReadonlyMap<number, string> {
  constructor(
    /** Ascending. */
    private readonly rows: Int32Array,
    private readonly code: Int32Array,
    private readonly codes: readonly string[],
  ) {}

  /** Where `row` is in `rows`, or -1. */
  private indexOf(row: number): number {
    let lo = 0;
    let hi = this.rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const r = this.rows[mid] as number;
      if (r === row) return mid;
      if (r < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  get size(): number {
    return this.rows.length;
  }

  get(row: number): string | undefined {
    const k = this.indexOf(row);
    return k < 0 ? undefined : this.codes[this.code[k] as number];
  }

  has(row: number): boolean {
    return this.indexOf(row) >= 0;
  }

  *entries(): MapIterator<[number, string]> {
    for (let k = 0; k < this.rows.length; k++)
      yield [this.rows[k] as number, this.codes[this.code[k] as number] as string];
  }

  *keys(): MapIterator<number> {
    for (let k = 0; k < this.rows.length; k++) yield this.rows[k] as number;
  }

  *values(): MapIterator<string> {
    for (let k = 0; k < this.rows.length; k++) yield this.codes[this.code[k] as number] as string;
  }

  [Symbol.iterator](): MapIterator<[number, string]> {
    return this.entries();
  }

  forEach(f: (code: string, row: number, map: ReadonlyMap<number, string>) => void): void {
    for (const [row, code] of this.entries()) f(code, row, this);
  }
}
