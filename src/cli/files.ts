/** File helpers for the CLI: read with encoding detection, write atomically (no half files). */
import {
  closeSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { SchoolTable } from '../domain/table/school-table';
import { canonicalPieces } from '../import/canonical-pieces';
import { readCanonicalTable } from '../import/canonical-table';
import { decodeBytes } from '../import/decode';

export function readText(path: string): string {
  let bytes: Uint8Array = readFileSync(path);
  if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
  return decodeBytes(bytes).text;
}

/** Writes to a temporary sibling then renames, so a reader never sees a partial file. */
export function writeAtomic(path: string, content: string): void {
  writeAtomicLines(path, [content], '');
}

/** Characters written at a time by writeAtomicLines. */
const WRITE_BATCH = 1 << 20;

/**
 * Writes lines (each with `eol` after it) to a temporary sibling as they come, then renames it:
 * a reader never sees a partial file, and output too large for one string (ratings of a 100 MB
 * dataset are about 700 MB) is never one. Returns the number of lines written.
 */
export function writeAtomicLines(path: string, lines: Iterable<string>, eol = '\n'): number {
  const tmp = `${path}.tmp-${process.pid}`;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    let batch: string[] = [];
    let size = 0;
    let count = 0;
    for (const line of lines) {
      batch.push(line);
      size += line.length + eol.length;
      count++;
      if (size >= WRITE_BATCH) {
        writeSync(fd, batch.join(eol) + eol);
        batch = [];
        size = 0;
      }
    }
    if (batch.length) writeSync(fd, batch.join(eol) + eol);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
    return count;
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Bytes read from disk at a time when a file is read in pieces. */
const PIECE = 1 << 22;

/**
 * A canonical dataset file into the table. A CSV is read from disk in pieces straight into the
 * table (a 100 MB file is never whole in memory); anything else, or a file the fast path
 * gives up on, is read whole by the full reader, whose errors name row and column.
 */
export function readCanonicalTableFile(
  path: string,
  /** Called now and then with the share of the file read (0 to 1). */
  onProgress?: (done: number) => void,
): SchoolTable {
  return (
    (path.endsWith('.gz') ? undefined : scanCanonicalFile(path, onProgress)) ??
    readCanonicalTable(readText(path), path)
  );
}

function scanCanonicalFile(
  path: string,
  onProgress?: (done: number) => void,
): SchoolTable | undefined {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const reader = canonicalPieces(size);
    const buffer = new Uint8Array(PIECE);
    for (let at = 0; ;) {
      const got = readSync(fd, buffer, 0, PIECE, at);
      if (got === 0) break;
      at += got;
      if (!reader.feed(buffer.subarray(0, got))) return undefined;
      onProgress?.(at / Math.max(1, size));
    }
    return reader.end()?.table;
  } finally {
    closeSync(fd);
  }
}
