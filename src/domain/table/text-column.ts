/**
 * A text column with a value per row (URNs, names), kept as UTF-8 bytes one value after another
 * and decoded only when a value is shown, searched or written out (after Apache Arrow's string
 * columns). The scan of a national file made 46,000 strings it never needed. As bytes they are
 * two buffers, and only the values a view asks for become strings.
 */

export interface TextColumn {
  /** Every value's bytes, one after another (the buffer may be longer). */
  bytes: Uint8Array;
  /** Where each value ends in `bytes`; value i starts where value i - 1 ends (0 for the first). */
  ends: Int32Array;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Decoded values, per column, filled as they are asked for. */
const decoded = new WeakMap<TextColumn, (string | undefined)[]>();

const startOf = (c: TextColumn, i: number): number => (i === 0 ? 0 : (c.ends[i - 1] as number));

/** Value i of the column. */
export function textOf(c: TextColumn, i: number): string {
  let cache = decoded.get(c);
  if (!cache) decoded.set(c, (cache = new Array<string | undefined>(c.ends.length)));
  let v = cache[i];
  if (v === undefined) cache[i] = v = decodeRange(c.bytes, startOf(c, i), c.ends[i] as number);
  return v;
}

/** Every value of the column, decoded together (one decoder call for all of them). */
export function allTexts(c: TextColumn): string[] {
  const n = c.ends.length;
  const end = n ? (c.ends[n - 1] as number) : 0;
  const text = decoder.decode(c.bytes.subarray(0, end));
  const out = new Array<string>(n);
  if (text.length === end) {
    // All ASCII (nearly always): a value's characters are its bytes.
    for (let i = 0, at = 0; i < n; i++) {
      const to = c.ends[i] as number;
      out[i] = text.slice(at, to);
      at = to;
    }
  } else for (let i = 0; i < n; i++) out[i] = textOf(c, i);
  decoded.set(c, out);
  return out;
}

/** The rows whose value is `value`, compared as bytes (nothing decoded). */
export function rowsWith(c: TextColumn, value: string): number[] {
  const want = encoder.encode(value);
  const len = want.length;
  const { bytes, ends } = c;
  const rows: number[] = [];
  for (let i = 0, start = 0; i < ends.length; i++) {
    const end = ends[i] as number;
    if (end - start === len) {
      let k = 0;
      while (k < len && bytes[start + k] === want[k]) k++;
      if (k === len) rows.push(i);
    }
    start = end;
  }
  return rows;
}

/** The UTF-8 bytes[start, end) as a string (short ASCII values without the decoder's call). */
function decodeRange(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 16) {
    let s = '';
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      if (b >= 0x80) return decoder.decode(bytes.subarray(start, end));
      s += String.fromCharCode(b);
    }
    return s;
  }
  return decoder.decode(bytes.subarray(start, end));
}

/** Builds a text column a value at a time, in row order. */
export class TextColumnBuilder {
  private bytes: Uint8Array;
  private ends: Int32Array;
  private at = 0;
  private n = 0;

  constructor(rows: number, bytesPerRow = 32) {
    this.ends = new Int32Array(Math.max(16, rows));
    this.bytes = new Uint8Array(Math.max(256, rows * bytesPerRow));
  }

  /** Room for value `row` and `len` more bytes. */
  private room(len: number): void {
    if (this.at + len > this.bytes.length) {
      const b = new Uint8Array(Math.max(this.at + len, this.bytes.length * 2));
      b.set(this.bytes.subarray(0, this.at));
      this.bytes = b;
    }
    if (this.n === this.ends.length) {
      const e = new Int32Array(this.ends.length * 2);
      e.set(this.ends);
      this.ends = e;
    }
  }

  /**
   * Adds bytes[start, end) as the next value; returns whether any byte is not ASCII (the caller
   * checks such a value is UTF-8).
   */
  addBytes(bytes: Uint8Array, start: number, end: number): boolean {
    const len = end - start;
    this.room(len);
    const out = this.bytes;
    let high = 0;
    for (let i = start, at = this.at; i < end; i++, at++) {
      const b = bytes[i] as number;
      high |= b;
      out[at] = b;
    }
    this.at += len;
    this.ends[this.n++] = this.at;
    return high >= 0x80;
  }

  /** Adds a string as the next value. */
  add(value: string): void {
    // At most three bytes a code unit.
    this.room(value.length * 3);
    const { written } = encoder.encodeInto(value, this.bytes.subarray(this.at));
    this.at += written;
    this.ends[this.n++] = this.at;
  }

  /** The column of the values added (its arrays cut to them). */
  build(): TextColumn {
    return { bytes: this.bytes.slice(0, this.at), ends: this.ends.slice(0, this.n) };
  }
}

/** A text column of these values. */
export function textColumn(values: readonly string[]): TextColumn {
  const b = new TextColumnBuilder(values.length);
  for (const v of values) b.add(v);
  return b.build();
}
