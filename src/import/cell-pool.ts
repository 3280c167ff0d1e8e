/**
 * Text cells gathered as bytes and decoded in one call: a scan of a CSV copies each URN or
 * name into the pool, then decodes the pool once and cuts each value out of the result. One
 * TextDecoder call per cell (46,000 on the national file) cost more than the rest of the scan's
 * per-row work; one per scan, and a cut per value, cost little. Values share the pool's
 * string, which holds only these cells (never the file they came from).
 */
import { decodeUtf8 } from '../domain/table/dict-builder';

export class CellPool {
  private bytes = new Uint8Array(1 << 16);
  private at = 0;
  private rows = new Int32Array(1 << 10);
  /** UTF-16 code units of each value (its length once decoded). */
  private units = new Int32Array(1 << 10);
  private count = 0;

  /** Adds bytes[start, end) as the value of `row`. */
  add(bytes: Uint8Array, start: number, end: number, row: number): void {
    const len = end - start;
    if (this.at + len > this.bytes.length) this.bytes = grown(this.bytes, this.at + len);
    if (this.count === this.rows.length) {
      this.rows = grown(this.rows, this.count + 1);
      this.units = grown(this.units, this.count + 1);
    }
    const out = this.bytes;
    let at = this.at;
    let units = 0;
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      out[at++] = b;
      // A code unit per character (not per continuation byte), two for a 4-byte one.
      if (b < 0x80 || b >= 0xc0) units += b >= 0xf0 ? 2 : 1;
    }
    this.at = at;
    this.rows[this.count] = row;
    this.units[this.count++] = units;
  }

  /**
   * Decodes the values added since the last flush into `into` at their rows. Throws NotUtf8
   * when the bytes are not UTF-8.
   */
  flush(into: string[]): void {
    if (this.count === 0) return;
    const text = decodeUtf8(this.bytes, 0, this.at);
    let at = 0;
    for (let k = 0; k < this.count; k++) {
      const end = at + (this.units[k] as number);
      into[this.rows[k] as number] = text.slice(at, end);
      at = end;
    }
    this.at = 0;
    this.count = 0;
  }
}

function grown<T extends Uint8Array | Int32Array>(a: T, need: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}
