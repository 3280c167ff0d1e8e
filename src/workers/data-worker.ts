/// <reference lib="webworker" />
/**
 * The one worker that owns the data: imports files, keeps the table and its ratings, and
 * answers the page's requests. Answers of fresh arrays (ratings, roll-ups) are transferred.
 */
import { transferables } from '../domain/engine/transfer';
import { packTable } from '../domain/table/pack';
import { createDataService, MissingState, type DataRequest } from './data-service';

const handle = createDataService();

self.onmessage = async (e: MessageEvent<{ id: number; req: DataRequest }>) => {
  const { id, req } = e.data;
  try {
    // Progress of a long import goes to the page as it happens (the answer comes at the end).
    const result = await handle(req, (progress) => self.postMessage({ id, progress }));
    if (req.kind === 'import' && result && 'table' in result) {
      // The table stays here as well: the page gets a packed copy, its buffers transferred.
      const { packed, transfer } = packTable(result.table);
      self.postMessage({ id, result: { ...result, table: packed } }, transfer);
      return;
    }
    const transfer =
      req.kind === 'rate' || req.kind === 'rollup' || req.kind === 'concern'
        ? transferables(result)
        : [];
    self.postMessage({ id, result }, transfer);
  } catch (err) {
    self.postMessage({
      id,
      error: (err as Error).message ?? String(err),
      missing: err instanceof MissingState,
    });
  }
};
