/// <reference lib="webworker" />
/** Reads and merges the user's files off the main thread, so the page stays responsive. */
import { importFiles, type InputFile } from '../import/import-files';

self.onmessage = (e: MessageEvent<{ id: number; files: InputFile[] }>) => {
  try {
    self.postMessage({ id: e.data.id, result: importFiles(e.data.files) });
  } catch (err) {
    self.postMessage({ id: e.data.id, error: (err as Error).message });
  }
};
