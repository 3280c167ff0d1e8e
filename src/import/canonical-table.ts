/**
 * Reads a canonical dataset straight into the engine's columnar table. A CSV is scanned once in
 * its UTF-8 bytes (as the worker and the CLI read it: no decoding of the whole file, and a byte
 * is read faster than a character), each cell going straight into its typed array or
 * dictionary or text column: no row objects, no array per row, and a string made only for a
 * value a dictionary has not seen (URNs and names stay bytes until shown). The fast path accepts only well-formed UTF-8 files;
 * anything it does not accept (a problem, a quoting quirk, another encoding) is read by the full
 * reader (`readCanonicalCsv`), which either gives the same rows or names every problem by row
 * and column. So the errors are the full reader's, and a valid file gives the same table either
 * way (a test holds this).
 */
import { tableFromDataset } from '../domain/table/from-school-years';
import { decodeUtf8 } from '../domain/table/dict-builder';
import type { SchoolTable } from '../domain/table/school-table';
import { TEXT_COLUMNS } from '../domain/types';
import { readCanonicalCsv, readCanonicalJson } from './canonical';
import { RowScanner, type ScannerOptions } from './canonical-rows';
import { decodeBytes } from './decode';

export { plainDecimal, type ScannerOptions } from './canonical-rows';

const QUOTE = 34;
const NL = 10;
const CR = 13;
const BOM = [0xef, 0xbb, 0xbf];

const encoder = new TextEncoder();

/**
 * Bytes as a plain Uint8Array: a Node Buffer is a subclass whose subarray() makes a Buffer
 * (several times slower), and one element type keeps the scanning loop's reads monomorphic.
 */
const plainBytes = (input: string | Uint8Array): Uint8Array =>
  typeof input === 'string'
    ? encoder.encode(input)
    : input.constructor === Uint8Array
      ? input
      : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);

/** Bytes after a UTF-8 byte-order mark, if the bytes start with one. */
export const bomLength = (b: Uint8Array) =>
  b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;

/** A canonical dataset from its text or its bytes (JSON or CSV, in any encoding decodeBytes reads). */
export function readCanonicalTable(input: string | Uint8Array, file: string): SchoolTable {
  const bytes = plainBytes(input);
  const text = () => (typeof input === 'string' ? input : decodeBytes(input).text);
  let at = bomLength(bytes);
  while (at < bytes.length && (bytes[at] as number) <= 32) at++;
  if (bytes[at] === 0x7b /* { */) return tableFromDataset(readCanonicalJson(text(), file));
  return scanCanonicalCsv(bytes) ?? tableFromDataset(readCanonicalCsv(text(), file));
}

/** Bytes looked at to guess how many rows a file has. */
const SAMPLE = 1 << 16;

/**
 * Rows a file of `size` bytes likely has, from the line breaks in its first bytes, a little
 * over (room for more is made if needed; spare room is given back at the end).
 */
export function rowsToExpect(sample: Uint8Array, size: number): number {
  const part = sample.subarray(0, Math.min(sample.length, SAMPLE));
  let lines = 0;
  let cr = 0;
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === NL) lines++;
    else if (c === CR) cr++;
  }
  return Math.ceil(((lines || cr) * size * 1.05) / Math.max(1, part.length)) + 16;
}

/**
 * Where the complete rows of bytes[from..] end: just after its last line break outside a quoted
 * cell (a cell may hold a line break), never between the \r and \n of one break; `from` when
 * no row is complete. bytes[from] must start a row.
 */
function completeRowsEnd(bytes: Uint8Array, from: number): number {
  const lf = bytes.lastIndexOf(NL);
  let p = lf >= from ? lf : bytes.lastIndexOf(CR, bytes.length - 2);
  while (p >= from) {
    // Quotes before p: an odd count means p is inside a quoted cell.
    let quotes = 0;
    let open = -1;
    for (let q = bytes.indexOf(QUOTE, from); q >= 0 && q < p; q = bytes.indexOf(QUOTE, q + 1))
      if (++quotes % 2 === 1) open = q;
    if (quotes % 2 === 0) return p + 1;
    p = Math.max(bytes.lastIndexOf(NL, open), lf >= from ? -1 : bytes.lastIndexOf(CR, open));
  }
  return from;
}

/**
 * Where, in `next`, the row that `part` begins ends (just after its line break), or -1 when it
 * does not end there (or may end with a \n still to come).
 */
function rowEndIn(part: Uint8Array, next: Uint8Array): number {
  let open = false;
  for (let q = part.indexOf(QUOTE); q >= 0; q = part.indexOf(QUOTE, q + 1)) open = !open;
  for (let i = 0; i < next.length; i++) {
    const c = next[i];
    if (c === QUOTE) open = !open;
    else if (!open && c === NL) return i + 1;
    else if (!open && c === CR)
      return i + 1 >= next.length ? -1 : next[i + 1] === NL ? i + 2 : i + 1;
  }
  return -1;
}

/** Reads a canonical CSV into the table, a piece of its bytes at a time (see `canonicalScanner`). */
export interface CanonicalScanner {
  /** Reads the complete rows of the next piece of the file; false once the fast path gives up. */
  push(bytes: Uint8Array): boolean;
  /** Reads what is left and gives the table, or undefined when the fast path gives up. */
  end(): SchoolTable | undefined;
}

/** The header of a canonical CSV, or undefined when the fast path does not take it. */
function fastHeader(firstLine: string): string[] | undefined {
  if (firstLine.includes('"')) return undefined;
  const header = firstLine.split(',').map((h) => h.trim());
  if (new Set(header).size !== header.length) return undefined;
  if (TEXT_COLUMNS.some((c) => !header.includes(c))) return undefined;
  return header;
}

/** Where the first line of bytes[from..] ends (its break not included), or -1 for none yet. */
export function firstLineEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i] === NL || bytes[i] === CR) return i;
  return -1;
}

/**
 * A scanner fed a file's bytes a piece at a time, in order, so a large file is never whole in
 * memory: memory holds the table, one piece and the part row it ends with. A piece is scanned
 * where it lies (joining it to the part row before would copy it): that row is finished on its
 * own first. Every string kept is decoded from the bytes, so none holds on to a piece, and a
 * piece's buffer may be reused for the next.
 */
export function canonicalScanner(opts: ScannerOptions = {}): CanonicalScanner {
  let rest: Uint8Array = new Uint8Array(0);
  let scanner: RowScanner | undefined;
  let failed = false;
  /** Reads the header; the index its rows start at, or -1 to wait for more bytes. */
  const start = (bytes: Uint8Array): number => {
    const bom = bytes.length < 3 && BOM.slice(0, bytes.length).every((b, k) => bytes[k] === b);
    if (bom) return -1;
    const from = bomLength(bytes);
    const lineEnd = firstLineEnd(bytes, from);
    // No line break yet, or a \r that may be the first half of a \r\n: wait for more.
    if (lineEnd < 0 || lineEnd === bytes.length - 1) return -1;
    let header: string[] | undefined;
    try {
      header = fastHeader(decodeUtf8(bytes, from, lineEnd));
    } catch {
      header = undefined;
    }
    if (!header) {
      failed = true;
      return -1;
    }
    scanner = new RowScanner(header, opts);
    return lineEnd + (bytes[lineEnd] === CR && bytes[lineEnd + 1] === NL ? 2 : 1);
  };
  const fail = () => {
    failed = true;
    return false;
  };
  const join = (a: Uint8Array, b: Uint8Array) => {
    const out = new Uint8Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  return {
    push(input) {
      if (failed) return false;
      const piece = plainBytes(input);
      let bytes = piece;
      let from = 0;
      if (!scanner) {
        bytes = join(rest, piece);
        rest = new Uint8Array(0);
        from = start(bytes);
        if (failed) return false;
        if (from < 0) {
          rest = bytes;
          return true;
        }
      } else if (rest.length) {
        const end = rowEndIn(rest, piece);
        // A row longer than a piece (rare): wait for the rest of it.
        if (end < 0) {
          rest = join(rest, piece);
          return true;
        }
        const row = join(rest, piece.subarray(0, end));
        rest = new Uint8Array(0);
        if (!scanner.read(row, 0, row.length)) return fail();
        from = end;
      }
      const cut = completeRowsEnd(bytes, from);
      if (cut > from && !scanner!.read(bytes, from, cut)) return fail();
      // A copy: the piece's buffer may be reused for the next read.
      rest = bytes.slice(cut);
      return true;
    },
    end() {
      if (failed) return undefined;
      if (!scanner) {
        const bytes = join(rest, new Uint8Array([NL]));
        const from = start(bytes);
        if (failed || from < 0) return undefined;
        rest = bytes.subarray(from);
      }
      if (rest.length && !scanner!.read(rest, 0, rest.length)) return undefined;
      rest = new Uint8Array(0);
      return scanner!.table();
    },
  };
}

/** A whole canonical CSV (its text, or its UTF-8 bytes) into the table; undefined when the fast path gives up. */
export function scanCanonicalCsv(
  input: string | Uint8Array,
  /** Called now and then with the share of the file read (0 to 1). */
  onProgress?: (done: number) => void,
): SchoolTable | undefined {
  const bytes = plainBytes(input);
  const from = bomLength(bytes);
  const lineEnd = firstLineEnd(bytes, from);
  let header: string[] | undefined;
  try {
    header = fastHeader(decodeUtf8(bytes, from, lineEnd < 0 ? bytes.length : lineEnd));
  } catch {
    return undefined;
  }
  if (!header) return undefined;
  const bodyStart =
    lineEnd < 0
      ? bytes.length
      : lineEnd + (bytes[lineEnd] === CR && bytes[lineEnd + 1] === NL ? 2 : 1);
  const s = new RowScanner(header, {
    rows: rowsToExpect(bytes.subarray(bodyStart), bytes.length - bodyStart),
    ...(onProgress ? { onProgress } : {}),
  });
  return s.read(bytes, bodyStart, bytes.length) ? s.table() : undefined;
}
