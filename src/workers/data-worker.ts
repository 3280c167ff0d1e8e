/// <reference lib="webworker" />
/**
 * The one worker that owns the data: imports files, keeps the table and its ratings, and
 * answers the page's requests for what it shows. Answers of fresh arrays are transferred.
 */
import { transferables } from '../domain/engine/transfer';
import {
  createDataService,
  MissingState,
  type DataRequest,
  type DataResponse,
} from './data-service';
import { inTurns } from './turns';

const handle = createDataService();

/**
 * The buffers an answer can give away: answers made of fresh arrays (roll-ups, a concern order,
 * a partnership's schools, a map) all of theirs, a school's detail its distributions (copies
 * made for it); anything else is cloned, so no view of the worker's own arrays is detached.
 */
function transferOf(req: DataRequest, result: DataResponse): ArrayBuffer[] {
  if (
    req.kind === 'rollup' ||
    req.kind === 'concern' ||
    req.kind === 'partnership' ||
    req.kind === 'map'
  )
    return transferables(result);
  if (req.kind === 'school' && typeof result === 'object' && 'distributions' in result)
    return Object.values(result.distributions).map((a) => a.buffer as ArrayBuffer);
  return [];
}

interface Message {
  id: number;
  req: DataRequest;
  /** Work ahead of need (a prefetch): answered after the requests that are waiting. */
  background?: boolean;
}

async function answer({ id, req }: Message): Promise<void> {
  try {
    // Progress of a long import goes to the page as it happens (the answer comes at the end).
    const result = await handle(req, (progress) => self.postMessage({ id, progress }));
    const transfer = transferOf(req, result);
    self.postMessage({ id, result }, transfer);
  } catch (err) {
    self.postMessage({
      id,
      error: (err as Error).message ?? String(err),
      missing: err instanceof MissingState,
    });
  }
}

const receive = inTurns(answer);
self.onmessage = (e: MessageEvent<Message>) => receive(e.data);
