/**
 * Builds a dictionary-coded text column one value at a time, in row order. `DictBuilder` takes
 * strings; `ByteDictBuilder` takes a value as a range of UTF-8 bytes (a cell of a CSV file still
 * in its bytes) and compares it there: a string is decoded only for a value not seen before. On
 * the national file that saves a string, its hash and a lookup for each of ~45,000 cells whose
 * value differs from the row before (a trust, a partnership, a phase), most of which are not new.
 */
import type { DictColumn } from './school-table';

const EMPTY = -1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The codes, the distinct values and the open-addressed slots both builders share. */
abstract class Slots {
  readonly dict: string[] = [];
  codes: Int32Array;
  /** Open addressing: slot -> code, EMPTY when free; kept at most half full. */
  protected slots = new Int32Array(64).fill(EMPTY);
  protected readonly hashes: number[] = [];
  protected lastCode = EMPTY;
  constructor(n: number) {
    this.codes = new Int32Array(n);
  }

  protected add(value: string, h: number): number {
    const code = this.dict.length;
    this.dict.push(value);
    this.hashes.push(h);
    if (code * 2 >= this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(code);
    return code;
  }

  private place(code: number): void {
    const mask = this.slots.length - 1;
    let s = (this.hashes[code] as number) & mask;
    while (this.slots[s] !== EMPTY) s = (s + 1) & mask;
    this.slots[s] = code;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(EMPTY);
    for (let code = 0; code < this.dict.length; code++) this.place(code);
  }

  /** Room for n rows (the codes so far kept). */
  grow(n: number): void {
    if (n <= this.codes.length) return;
    const codes = new Int32Array(n);
    codes.set(this.codes);
    this.codes = codes;
  }

  build(): DictColumn {
    return { codes: this.codes, dict: this.dict };
  }
}

/**
 * FNV-1a over the length and the code units, or only the first and last 8 when there are more
 * than 16: enough to tell values apart (equal hashes are compared in full) at a fixed cost.
 */
function hashString(value: string): number {
  const n = value.length;
  let h = Math.imul(FNV_OFFSET ^ n, FNV_PRIME);
  if (n <= 16) for (let i = 0; i < n; i++) h = Math.imul(h ^ value.charCodeAt(i), FNV_PRIME);
  else {
    for (let i = 0; i < 8; i++) h = Math.imul(h ^ value.charCodeAt(i), FNV_PRIME);
    for (let i = n - 8; i < n; i++) h = Math.imul(h ^ value.charCodeAt(i), FNV_PRIME);
  }
  return h;
}

export class DictBuilder extends Slots {
  /** Sets a row's value; returns its code. */
  set(row: number, value: string): number {
    // Rows are usually sorted by authority and year: most values repeat the one before.
    const last = this.lastCode;
    if (last !== EMPTY && this.dict[last] === value) {
      this.codes[row] = last;
      return last;
    }
    const h = hashString(value);
    const mask = this.slots.length - 1;
    let s = h & mask;
    let code: number;
    for (;;) {
      code = this.slots[s] as number;
      if (code === EMPTY) {
        code = this.add(value, h);
        break;
      }
      if (this.hashes[code] === h && this.dict[code] === value) break;
      s = (s + 1) & mask;
    }
    this.codes[row] = code;
    this.lastCode = code;
    return code;
  }
}

/** As hashString, over bytes. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = Math.imul(FNV_OFFSET ^ (end - start), FNV_PRIME);
  if (end - start <= 16)
    for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), FNV_PRIME);
  else {
    for (let i = start; i < start + 8; i++) h = Math.imul(h ^ (bytes[i] as number), FNV_PRIME);
    for (let i = end - 8; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), FNV_PRIME);
  }
  return h;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Bytes that are not UTF-8 (a reader of UTF-8 gives up on them; another decodes them). */
export class NotUtf8 extends Error {}

/** bytes[start, end) decoded as UTF-8; throws NotUtf8 when they are not. */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  try {
    return utf8.decode(bytes.subarray(start, end));
  } catch {
    throw new NotUtf8('not UTF-8');
  }
}

export class ByteDictBuilder extends Slots {
  /**
   * Every value's UTF-8 bytes one after another (value k is keys[keyAt[k], keyAt[k + 1])),
   * copied: the bytes a value came in may be reused for the next piece of a file.
   */
  private keys = new Uint8Array(1 << 12);
  private readonly keyAt: number[] = [0];
  /** UTF-16 code units of each value (its length once decoded). */
  private readonly units: number[] = [];
  /**
   * Values from this code on are bytes only: they are decoded together, with one decoder call
   * (a call per new value was most of the cost of the national file's 8,000 trusts and
   * partnerships), when a string is asked for or the column is built.
   */
  private decoded = 0;

  private same(code: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.keyAt[code] as number;
    const len = end - start;
    if ((this.keyAt[code + 1] as number) - from !== len) return false;
    const keys = this.keys;
    for (let i = 0; i < len; i++) if (keys[from + i] !== bytes[start + i]) return false;
    return true;
  }

  /**
   * Sets a row's value to the UTF-8 bytes[start, end); returns its code. A value that is not
   * UTF-8 throws NotUtf8 when it is decoded (see `value`, `build`).
   */
  setRange(row: number, bytes: Uint8Array, start: number, end: number): number {
    const last = this.lastCode;
    if (last !== EMPTY && this.same(last, bytes, start, end)) {
      this.codes[row] = last;
      return last;
    }
    const h = hashBytes(bytes, start, end);
    const mask = this.slots.length - 1;
    let s = h & mask;
    let code: number;
    for (;;) {
      code = this.slots[s] as number;
      if (code === EMPTY) {
        code = this.add('', h);
        this.keep(bytes, start, end);
        break;
      }
      if (this.hashes[code] === h && this.same(code, bytes, start, end)) break;
      s = (s + 1) & mask;
    }
    this.codes[row] = code;
    this.lastCode = code;
    return code;
  }

  /** Copies a new value's bytes to the end of `keys`, counting its code units. */
  private keep(bytes: Uint8Array, start: number, end: number): void {
    const from = this.keyAt[this.keyAt.length - 1] as number;
    const to = from + end - start;
    if (to > this.keys.length) {
      const keys = new Uint8Array(Math.max(to, this.keys.length * 2));
      keys.set(this.keys);
      this.keys = keys;
    }
    const keys = this.keys;
    let units = 0;
    for (let i = start, at = from; i < end; i++, at++) {
      const b = bytes[i] as number;
      keys[at] = b;
      // A code unit per character (not per continuation byte), two for a 4-byte one.
      if (b < 0x80 || b >= 0xc0) units += b >= 0xf0 ? 2 : 1;
    }
    this.keyAt.push(to);
    this.units.push(units);
  }

  /** Decodes the values not yet decoded, in one call. Throws NotUtf8 when they are not UTF-8. */
  private flush(): void {
    const n = this.dict.length;
    if (this.decoded === n) return;
    const text = decodeUtf8(this.keys, this.keyAt[this.decoded] as number, this.keyAt[n] as number);
    for (let k = this.decoded, at = 0; k < n; k++) {
      const end = at + (this.units[k] as number);
      this.dict[k] = text.slice(at, end);
      at = end;
    }
    this.decoded = n;
  }

  /** Value `code` as a string. */
  value(code: number): string {
    if (code >= this.decoded) this.flush();
    return this.dict[code] as string;
  }

  /** Sets a row's value from a string (well formed: one decoded from UTF-8); returns its code. */
  set(row: number, value: string): number {
    this.flush();
    const last = this.lastCode;
    if (last !== EMPTY && this.dict[last] === value) {
      this.codes[row] = last;
      return last;
    }
    const bytes = encoder.encode(value);
    return this.setRange(row, bytes, 0, bytes.length);
  }

  override build(): DictColumn {
    this.flush();
    return super.build();
  }
}
