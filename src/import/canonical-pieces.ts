/**
 * A canonical CSV read from its bytes a piece at a time (a file on disk, a File in the worker),
 * scanned in its bytes straight into the table, so memory holds the table and one piece, never
 * the whole file. Anything the fast path does not take (not UTF-8, JSON, a problem in a row) is
 * left to the full reader, which names what is wrong.
 */
import type { SchoolTable } from '../domain/table/school-table';
import { canonicalScanner, rowsToExpect, type CanonicalScanner } from './canonical-table';
import type { Encoding } from './decode';

const BOM = [0xef, 0xbb, 0xbf];

export interface PieceReader {
  /** The next bytes of the file; false once the fast path has given up. */
  feed(bytes: Uint8Array): boolean;
  /** The table once every byte is fed, or undefined when the fast path gave up. */
  end(): { table: SchoolTable; encoding: Encoding } | undefined;
}

/** A reader for a file of `size` bytes (used to make room for its rows at once). */
export function canonicalPieces(size: number): PieceReader {
  let scanner: CanonicalScanner | undefined;
  // Bytes of a byte-order mark seen so far; -1 once the file does not start with one.
  let bom = 0;
  let failed = false;
  return {
    feed(bytes) {
      if (failed) return false;
      if (!bytes.length) return true;
      // A byte-order mark, which may come split over the first pieces.
      for (let k = 0; bom >= 0 && bom < 3 && k < bytes.length; k++)
        bom = bytes[k] === BOM[bom] ? bom + 1 : -1;
      // Rows expected: line breaks in the first piece, scaled to the file's size.
      scanner ??= canonicalScanner({ rows: rowsToExpect(bytes, size) });
      if (!scanner.push(bytes)) failed = true;
      return !failed;
    },
    end() {
      if (failed || !scanner) return undefined;
      const table = scanner.end();
      return table && { table, encoding: bom === 3 ? 'utf-8-bom' : 'utf-8' };
    },
  };
}

/** Bytes read from a Blob at a time. */
const SLICE = 1 << 22;

/**
 * Reads a Blob (a File chosen in the browser) through `canonicalPieces`, a slice at a time
 * (slices, not blob.stream(): every Blob has them, and one slice is all that is held).
 */
export async function scanCanonicalBlob(
  blob: Blob,
  onProgress?: (done: number) => void,
): Promise<{ table: SchoolTable; encoding: Encoding } | undefined> {
  const reader = canonicalPieces(blob.size);
  for (let at = 0; at < blob.size; at += SLICE) {
    const bytes = new Uint8Array(await blob.slice(at, at + SLICE).arrayBuffer());
    if (!reader.feed(bytes)) return undefined;
    onProgress?.(Math.min(1, (at + SLICE) / blob.size));
  }
  return reader.end();
}
