/**
 * What crosses from the data worker to the page: a roll-up's per-group arrays (copies, so the
 * worker keeps its own and the page's buffers can be transferred), and the buffers of any
 * answer made of fresh typed arrays, for postMessage's transfer list.
 */
import type { GroupArrays, GroupTable } from './rollup-table';

export function groupArraysOf(gt: GroupTable): GroupArrays {
  return {
    grouping: gt.grouping,
    size: gt.size,
    level: gt.level,
    id: gt.id,
    name: gt.name,
    year: gt.year,
    memberOffsets: gt.memberOffsets.slice(),
    width: gt.width,
    counts: gt.counts.slice(),
    rating: gt.rating.slice(),
    aggregate: gt.aggregate.slice(),
    aggregateN: gt.aggregateN.slice(),
  };
}

/** The buffers of every typed array in a message, for postMessage's transfer list. */
export function transferables(message: unknown, out: Set<ArrayBuffer> = new Set()): ArrayBuffer[] {
  if (ArrayBuffer.isView(message)) out.add(message.buffer as ArrayBuffer);
  else if (Array.isArray(message)) for (const m of message) transferables(m, out);
  else if (message && typeof message === 'object' && !(message instanceof Map))
    for (const v of Object.values(message)) transferables(v, out);
  return [...out];
}
