/**
 * The page's side of the data worker: one worker, which holds every table and rating; requests
 * matched to answers by id, every request with an error path and a time limit. The page keeps
 * no table: a worker that dies is replaced on the next request and given each dataset again
 * the way it first came (the demo's text, the files' handles), so nothing needs choosing again.
 * Without Workers (tests, old browsers) the same service runs in-thread.
 */
import type { SchoolTable } from '../domain/table/school-table';
import type { BlobFile, ImportProgress, OnProgress } from '../import/import-table';
import {
  createDataService,
  type DataRequest,
  type DataResponse,
  type DatasetInfo,
} from '../workers/data-service';

/** How long a request may take before the page says so (a national import is a few seconds). */
const TIME_LIMIT_MS: Record<DataRequest['kind'], number> = {
  put: 30_000,
  import: 180_000,
  load: 60_000,
  rate: 60_000,
  rollup: 60_000,
  whatif: 60_000,
  clauseuse: 60_000,
  concern: 60_000,
  school: 60_000,
  similar: 60_000,
  find: 60_000,
  groups: 60_000,
  ratedon: 60_000,
  concernitems: 60_000,
  concerncsv: 60_000,
  partnership: 60_000,
  reasons: 60_000,
  schoolscsv: 60_000,
  map: 60_000,
  labels: 60_000,
  point: 60_000,
};

export class WorkerError extends Error {}

interface Pending {
  resolve: (v: DataResponse) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
  onProgress?: OnProgress;
}

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();
/** How each dataset came to the worker, by key, to give a new worker; and what it has. */
const origins = new Map<string, Extract<DataRequest, { kind: 'import' | 'load' | 'put' }>>();
let workerHas = new Set<string>();
/** Data being given to a new worker again, by key. */
const restoring = new Map<string, Promise<DataResponse>>();
/** Each rating asked for (rules and England figures), to rate again in a new worker. */
const rules = new Map<string, Extract<DataRequest, { kind: 'rate' }>>();
let local: ReturnType<typeof createDataService> | undefined;

function failAll(message: string) {
  for (const [id, p] of pending) {
    clearTimeout(p.timer);
    p.reject(new WorkerError(message));
    pending.delete(id);
  }
  worker?.terminate();
  worker = undefined;
  workerHas = new Set();
}

function getWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  if (!worker) {
    const w = new Worker(new URL('../workers/data-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (
      e: MessageEvent<{
        id: number;
        result?: DataResponse;
        error?: string;
        progress?: ImportProgress;
      }>,
    ) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      if (e.data.progress) {
        p.onProgress?.(e.data.progress);
        return;
      }
      pending.delete(e.data.id);
      clearTimeout(p.timer);
      if (e.data.error !== undefined) p.reject(new WorkerError(e.data.error));
      else p.resolve(e.data.result);
    };
    w.onerror = (e) => {
      e.preventDefault();
      failAll(`the data worker stopped: ${e.message || 'unknown error'}. Try again.`);
    };
    w.onmessageerror = () => failAll('a message from the data worker could not be read');
    worker = w;
  }
  return worker;
}

function post(
  req: DataRequest,
  onProgress?: OnProgress,
  background = false,
): Promise<DataResponse> {
  const w = getWorker();
  if (!w) {
    local ??= createDataService();
    const handle = local;
    return new Promise((resolve) => resolve(handle(req, onProgress)));
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      // A worker past its time is stuck: replace it so the next request starts clean.
      failAll(`the data worker took longer than ${TIME_LIMIT_MS[req.kind] / 1000} s`);
      reject(
        new WorkerError(`the data worker took longer than ${TIME_LIMIT_MS[req.kind] / 1000} s`),
      );
    }, TIME_LIMIT_MS[req.kind]);
    pending.set(id, { resolve, reject, timer, ...(onProgress ? { onProgress } : {}) });
    // Bytes a caller read are transferred; a File crosses as a handle the worker reads.
    w.postMessage(
      { id, req, ...(background ? { background } : {}) },
      req.kind === 'import'
        ? req.files.flatMap((f) => ('bytes' in f ? [f.bytes.buffer as ArrayBuffer] : []))
        : [],
    );
  });
}

/**
 * Sends a request about a dataset, first giving the worker what it needs and may have lost (a
 * new worker after a crash has nothing): the data as it first came, and the rating a roll-up
 * or what-if uses.
 */
export async function ask(
  req: Exclude<DataRequest, { kind: 'put' | 'import' | 'load' }>,
  /** Work ahead of need: the worker answers the requests waiting first. */
  { background = false }: { background?: boolean } = {},
): Promise<DataResponse> {
  if (!workerHas.has(req.key)) {
    const origin = origins.get(req.key);
    if (!origin) throw new WorkerError(`the data "${req.key}" is not loaded`);
    // Requests that find the data missing together give it once (reading files again takes
    // seconds).
    let giving = restoring.get(req.key);
    if (!giving) {
      giving = post(origin).finally(() => restoring.delete(req.key));
      restoring.set(req.key, giving);
    }
    await giving;
    workerHas.add(req.key);
  }
  if (!('rulesKey' in req)) return post(req, undefined, background);
  const ratedKey = `${req.key}:${req.rulesKey}`;
  if (req.kind === 'rate') {
    rules.set(ratedKey, req);
    const result = await post(req);
    workerHas.add(ratedKey);
    return result;
  }
  if (!workerHas.has(ratedKey)) {
    const known = rules.get(ratedKey);
    if (!known) throw new WorkerError('the ratings are not ready');
    await post(known);
    workerHas.add(ratedKey);
  }
  return post(req, undefined, background);
}

/** Reads a canonical dataset's JSON text (the embedded demo) into the worker. */
export async function loadInWorker(key: string, text: string, file: string): Promise<DatasetInfo> {
  const req = { kind: 'load' as const, key, text, file };
  const info = (await post(req)) as DatasetInfo;
  origins.set(key, req);
  workerHas.add(key);
  return info;
}

/** Gives the worker a table made on the page (tests make theirs so), kept to give a new one. */
export async function putInWorker(key: string, table: SchoolTable): Promise<void> {
  const req = { kind: 'put' as const, key, table };
  await post(req);
  origins.set(key, req);
  workerHas.add(key);
}

/** The import under way, if any: a newer one (or Cancel) stops it. */
let importing: number | undefined;

/** Stops the import under way, if any: its worker is replaced, and it fails with `why`. */
export function cancelImport(why = 'cancelled'): boolean {
  if (importing === undefined || !pending.has(importing)) return false;
  importing = undefined;
  failAll(why);
  return true;
}

/**
 * Imports files in the worker, which keeps the table; the page is told what it can show. The
 * latest import wins: one still running when another starts is stopped (a worker cannot be
 * interrupted mid-file, so it is replaced; the data it held is given again when needed).
 */
export async function importFilesInWorker(
  key: string,
  files: Extract<DataRequest, { kind: 'import' }>['files'],
  onProgress?: OnProgress,
): Promise<DatasetInfo> {
  cancelImport('replaced by a newer import');
  // Bytes become Blobs (a copy outside the page's heap): a handle can be read again by a new
  // worker, where bytes transferred to the old one are gone.
  const handles: BlobFile[] = files.map((f) =>
    'bytes' in f
      ? {
          name: f.name,
          blob: new Blob([f.bytes as Uint8Array<ArrayBuffer>]),
          ...(f.year ? { year: f.year } : {}),
        }
      : f,
  );
  const req = { kind: 'import' as const, key, files: handles };
  const id = nextId;
  const request = post(req, onProgress);
  if (worker) importing = id;
  let info: DatasetInfo;
  try {
    info = (await request) as DatasetInfo;
  } finally {
    if (importing === id) importing = undefined;
  }
  origins.set(key, req);
  workerHas.add(key);
  return info;
}
