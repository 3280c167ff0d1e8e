/** Imports files in a Web Worker where there is one (the browser), in-thread otherwise (tests). */
import { importFiles, type InputFile } from '../import/import-files';
import type { MergeResult } from '../import/merge';

let nextId = 0;

export function importInWorker(files: InputFile[]): Promise<MergeResult> {
  if (typeof Worker === 'undefined') return Promise.resolve(importFiles(files));
  const worker = new Worker(new URL('../workers/import-worker.ts', import.meta.url), {
    type: 'module',
  });
  const id = nextId++;
  return new Promise<MergeResult>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ id: number; result?: MergeResult; error?: string }>) => {
      if (e.data.error !== undefined) reject(new Error(e.data.error));
      else resolve(e.data.result as MergeResult);
    };
    worker.onerror = (e) => reject(new Error(e.message || 'the import failed'));
    // The file bytes are transferred, not copied.
    worker.postMessage(
      { id, files },
      files.map((f) => f.bytes.buffer as ArrayBuffer),
    );
  }).finally(() => worker.terminate());
}
