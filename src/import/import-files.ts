/** Reads and merges any set of files: the one entry point for the browser and the CLI. */
import { mergeFiles, type MergeOptions, type MergeResult } from './merge';
import { readFile } from './read-file';
import type { OnProgress } from './import-table';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
  /** Academic year for a per-year file whose name and rows do not say. */
  year?: string;
}

export function importFiles(
  files: readonly InputFile[],
  opts: MergeOptions = {},
  onProgress?: OnProgress,
): MergeResult {
  const parsed = files.map((f, i) => {
    onProgress?.({ step: 'reading', file: f.name, fileIndex: i, files: files.length, done: 0 });
    return readFile(f.name, f.bytes, f.year ? { year: f.year } : {});
  });
  onProgress?.({
    step: 'merging',
    file: '',
    fileIndex: files.length,
    files: files.length,
    done: 0,
  });
  return mergeFiles(parsed, opts);
}
