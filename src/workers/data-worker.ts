/// <reference lib="webworker" />
/**
 * The one worker that owns the data: imports files, keeps the table and its ratings, and
 * answers the page's requests. Answers of fresh arrays (ratings, roll-ups) are transferred.
 */
import { transferables } from '../domain/engine/transfer';
import { packTable, stringParts } from '../domain/table/pack';

/** Rows of URNs and names per message to the page (a few milliseconds to unpack each). */
const STRING_PART_ROWS = 1 << 13;
import { createDataService, MissingState, type DataRequest } from './data-service';

const handle = createDataService();

self.onmessage = async (e: MessageEvent<{ id: number; req: DataRequest }>) => {
  const { id, req } = e.data;
  try {
    // Progress of a long import goes to the page as it happens (the answer comes at the end).
    const result = await handle(req, (progress) => self.postMessage({ id, progress }));
    if (req.kind === 'import' && result && 'table' in result) {
      // The table stays here as well: the page gets a packed copy, its buffers transferred,
      // its URNs and names first, in parts the page unpacks one task at a time.
      for (const part of stringParts(result.table, STRING_PART_ROWS))
        self.postMessage({ id, part }, [
          part.urn.lengths.buffer as ArrayBuffer,
          part.name.lengths.buffer as ArrayBuffer,
        ]);
      const { packed, transfer } = packTable(result.table, 'without');
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
