/**
 * Ratings and roll-ups as plain typed arrays, to cross between threads (copies, so the sender
 * keeps its own and the receiver's buffers can be transferred), and back into the engine's
 * structures on the other side, where one school or group is explained on demand.
 */
import type { CompiledRules } from '../rules/compile';
import type { SchoolTable } from '../table/school-table';
import { STATUS } from './codes';
import { authorityRowsOf, buildGroupIndex, scopeOf, type GroupIndex } from './group-index';
import type { GroupStructure } from './group-structure';
import type { IndicatorColumn, TableRatings } from './rate-table';
import type { GroupTable } from './rollup-table';

/** Every decision of a rating, per indicator in rule order. */
export interface Decisions {
  rating: Uint8Array[];
  clause: Int16Array[];
  status: Uint8Array[];
  value: Float64Array[];
  overall: Uint8Array;
  /**
   * Every indicator's comparison groups (a sort of its values per phase and year) and their
   * authorities, built here where rating already sorted most of them: every reason the page
   * explains names its group's size and place, and working them out there took tens of
   * milliseconds of the page's first frame.
   */
  groups: (GroupIndex | undefined)[];
}

function copyGroups(gi: GroupIndex): GroupIndex {
  const ar = gi.authorityRows;
  return {
    ...gi,
    groupOf: gi.groupOf.slice(),
    offsets: gi.offsets.slice(),
    sorted: gi.sorted.slice(),
    firstRow: gi.firstRow.slice(),
    mean: gi.mean.slice(),
    ...(ar ? { authorityRows: { offsets: ar.offsets.slice(), rows: ar.rows.slice() } } : {}),
  };
}

export function decisionsOf(tr: TableRatings): Decisions {
  return {
    rating: tr.indicators.map((c) => c.rating.slice()),
    clause: tr.indicators.map((c) => c.clause.slice()),
    status: tr.indicators.map((c) => c.status.slice()),
    value: tr.indicators.map((c) => c.value.slice()),
    overall: tr.overall.slice(),
    // With each group's authorities (named in reasons), found here in the worker.
    groups: tr.indicators.map((c) => {
      const gi = c.groups();
      authorityRowsOf(tr.table, gi);
      return copyGroups(gi);
    }),
  };
}

/** The ratings again, over the receiver's copy of the table and its own compiled rules. */
export function ratingsFromDecisions(
  table: SchoolTable,
  rules: CompiledRules,
  d: Decisions,
): TableRatings {
  if (d.rating.length !== rules.indicators.length || d.overall.length !== table.n)
    throw new Error('the ratings received do not match the data and rules');
  const indicators = rules.indicators.map((ind, k): IndicatorColumn => {
    const status = d.status[k] as Uint8Array;
    const value = d.value[k] as Float64Array;
    let groups: GroupIndex | undefined = d.groups?.[k];
    return {
      ind,
      rating: d.rating[k] as Uint8Array,
      clause: d.clause[k] as Int16Array,
      status,
      value,
      // Built here only when a school's position is shown: the rows that were banded.
      groups: () =>
        (groups ??= buildGroupIndex(
          table,
          value,
          status.map((s) =>
            s === STATUS.notApplicable || s === STATUS.belowMinPupils || s === STATUS.missing
              ? 0
              : 1,
          ),
          scopeOf(ind.rule),
          ind.reference,
        )),
      builtGroups: () => groups,
    };
  });
  return { table, rules, indicators, overall: d.overall };
}

export type GroupArrays = Omit<GroupTable, 'ratings' | 'table'>;

export function groupArraysOf(gt: GroupTable): GroupArrays {
  return {
    grouping: gt.grouping,
    size: gt.size,
    level: gt.level,
    id: gt.id,
    name: gt.name,
    year: gt.year,
    partnershipOf: gt.partnershipOf.slice(),
    authorityOf: gt.authorityOf.slice(),
    memberOffsets: gt.memberOffsets.slice(),
    members: gt.members.slice(),
    width: gt.width,
    counts: gt.counts.slice(),
    rating: gt.rating.slice(),
    aggregate: gt.aggregate.slice(),
    aggregateN: gt.aggregateN.slice(),
  };
}

export function groupTableFromArrays(tr: TableRatings, g: GroupArrays): GroupTable {
  const structure: GroupStructure = { ...g, table: tr.table };
  return { ...structure, ...g, ratings: tr };
}

/** The buffers of every typed array in a message, for postMessage's transfer list. */
export function transferables(message: unknown, out: Set<ArrayBuffer> = new Set()): ArrayBuffer[] {
  if (ArrayBuffer.isView(message)) out.add(message.buffer as ArrayBuffer);
  else if (Array.isArray(message)) for (const m of message) transferables(m, out);
  else if (message && typeof message === 'object' && !(message instanceof Map))
    for (const v of Object.values(message)) transferables(v, out);
  return [...out];
}
