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

// Background requests wait in a queue of their own, one run per turn of the event loop: a
// request the page sends while they wait (a filter a person chose) is answered first.
const later: Message[] = [];
let draining = false;
function drain(): void {
  const next = later.shift();
  if (!next) {
    draining = false;
    return;
  }
  void answer(next).finally(() => setTimeout(drain, 0));
}

self.onmessage = (e: MessageEvent<Message>) => {
  if (!e.data.background) return void answer(e.data);
  later.push(e.data);
  if (!draining) {
    draining = true;
    setTimeout(drain, 0);
  }
};
