/**
 * Builds a dictionary-coded text column one value at a time, in row order. A value can be given
 * as a range of a larger text (a cell of a CSV) and is then compared in place: a string is cut
 * only for a value not seen before. On the national file this saves a cut string, its hash and
 * a Map lookup for each of ~45,000 cells whose value differs from the row before (a trust, a
 * partnership, a phase), most of which are not new.
 */
import type { DictColumn } from './school-table';

const EMPTY = -1;

/**
 * FNV-1a over the length and text[start, end), or only its first and last 8 characters when it
 * is longer: enough to tell values apart (equal hashes are compared in full) at a fixed cost.
 */
function hashRange(text: string, start: number, end: number): number {
  let h = Math.imul(0x811c9dc5 ^ (end - start), 0x01000193);
  if (end - start <= 16)
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  else {
    for (let i = start; i < start + 8; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    for (let i = end - 8; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h;
}

function sameText(value: string, text: string, start: number, end: number): boolean {
  if (value.length !== end - start) return false;
  for (let i = 0; i < value.length; i++)
    if (value.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

export class DictBuilder {
  readonly dict: string[] = [];
  codes: Int32Array;
  /** Open addressing: slot -> code, EMPTY when free; kept at most half full. */
  private slots = new Int32Array(64).fill(EMPTY);
  private readonly hashes: number[] = [];
  private lastCode = EMPTY;
  constructor(n: number) {
    this.codes = new Int32Array(n);
  }

  /** Sets a row's value to text[start, end); returns its code. */
  setRange(row: number, text: string, start: number, end: number): number {
    // Files are usually sorted by authority and year: most values repeat the one before.
    const last = this.lastCode;
    if (last !== EMPTY && sameText(this.dict[last] as string, text, start, end)) {
      this.codes[row] = last;
      return last;
    }
    const h = hashRange(text, start, end);
    const mask = this.slots.length - 1;
    let s = h & mask;
    let code: number;
    for (;;) {
      code = this.slots[s] as number;
      if (code === EMPTY) {
        code = this.add(start === 0 && end === text.length ? text : text.slice(start, end), h);
        break;
      }
      if (this.hashes[code] === h && sameText(this.dict[code] as string, text, start, end)) break;
      s = (s + 1) & mask;
    }
    this.codes[row] = code;
    this.lastCode = code;
    return code;
  }

  /** Sets a row's value; returns its code. */
  set(row: number, value: string): number {
    return this.setRange(row, value, 0, value.length);
  }

  private add(value: string, h: number): number {
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

  /**
   * Replaces the values from `from` on with `copy` of them (strings that share nothing with the
   * text they were cut from), keeping their codes.
   */
  detach(from: number, copy: (values: readonly string[]) => string[]): void {
    if (from >= this.dict.length) return;
    copy(this.dict.slice(from)).forEach((v, k) => (this.dict[from + k] = v));
  }

  build(): DictColumn {
    return { codes: this.codes, dict: this.dict };
  }
}
