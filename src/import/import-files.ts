/** Reads and merges any set of files: the one entry point for the browser and the CLI. */
import { mergeFiles, type MergeOptions, type MergeResult } from './merge';
import { readFile } from './read-file';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
  /** Academic year for a per-year file whose name and rows do not say. */
  year?: string;
}

export function importFiles(files: readonly InputFile[], opts: MergeOptions = {}): MergeResult {
  const parsed = files.map((f) => readFile(f.name, f.bytes, f.year ? { year: f.year } : {}));
  return mergeFiles(parsed, opts);
}
