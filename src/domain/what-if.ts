/**
 * What changes colour if a draft rule set replaced the saved one. Only the indicators the draft
 * changes are re-rated (the rest reuse the saved rating arrays); overall and the roll-ups of the
 * filtered rows are recomputed; then every school, partnership and authority whose rating moves
 * on any indicator is listed, with the net effect on the headline counts.
 */
import { clauseUse, type ClauseUse, type IndicatorUse } from './engine/clause-use';
import { RATING_CODE, ratingOfCode } from './engine/codes';
import {
  overallCounts,
  overallCountsAfter,
  overallFromCounts,
  rateIndicatorColumn,
  rateTable,
  type IndicatorColumn,
  type OverallCounts,
  type TableRatings,
} from './engine/rate-table';
import { rollUpStructure, type GroupTable } from './engine/rollup-table';
import { OVERALL_ID } from './overall';
import { rollUpFilter, type Filter } from './rated-view';
import { compileRules, type CompiledRules } from './rules/compile';
import type { RuleSet } from './rules/schema';
import { tableFromSchoolYears } from './table/from-school-years';
import { RATINGS, type Rating, type SchoolYear } from './types';
import { textOf } from './table/text-column';

export interface RatingChange {
  level: 'school' | 'partnership' | 'authority';
  id: string;
  name: string;
  indicator: string;
  from: Rating;
  to: Rating;
}

export interface WhatIf {
  /** Authorities, then partnerships, then schools; the first `limit` when one was given. */
  changes: RatingChange[];
  /** Every change, listed or not. */
  changeCount: number;
  /** Distinct things that change colour on at least one indicator. */
  schools: number;
  partnerships: number;
  authorities: number;
  /** Schools of the filter by overall rating, before and after (the net effect). */
  overallBefore: Record<Rating, number>;
  overallAfter: Record<Rating, number>;
  /** How often each clause of the draft fires on the filter's schools. */
  draftUse: ClauseUse;
}

// The saved ratings' per-row counts, kept while those ratings live: every edit starts from them.
const savedCounts = new WeakMap<TableRatings, OverallCounts>();

/** Rates a draft over the same table, reusing every indicator whose rule is unchanged. */
export function rerate(saved: TableRatings, draft: CompiledRules): TableRatings {
  const byId = new Map(saved.indicators.map((c) => [c.ind.id, c]));
  const indicators = draft.indicators.map((ind) => {
    const prev = byId.get(ind.id);
    return prev && JSON.stringify(prev.ind.rule) === JSON.stringify(ind.rule)
      ? prev
      : rateIndicatorColumn(saved.table, ind);
  });
  return {
    table: saved.table,
    rules: draft,
    indicators,
    overall: overallFromCounts(countsAfter(saved, indicators), draft.source.overall),
  };
}

function savedCountsOf(saved: TableRatings): OverallCounts {
  let counts = savedCounts.get(saved);
  if (!counts) savedCounts.set(saved, (counts = overallCounts(saved.table.n, saved.indicators)));
  return counts;
}

function countsAfter(saved: TableRatings, indicators: readonly IndicatorColumn[]): OverallCounts {
  return overallCountsAfter(savedCountsOf(saved), saved.indicators, indicators);
}

/** Keys in the order a reader expects: the saved rule order, overall, then indicators the draft adds. */
function keysOf(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

const idsOf = (tr: TableRatings) => [...tr.indicators.map((c) => c.ind.id), OVERALL_ID];
const columnsOf = (tr: TableRatings) => [...tr.indicators.map((c) => c.rating), tr.overall];

/** Pairs of rating columns to compare, by key; columns the draft reuses (same array) are skipped. */
function differing(before: TableRatings, after: TableRatings) {
  const a = idsOf(before);
  const b = idsOf(after);
  const ca = columnsOf(before);
  const cb = columnsOf(after);
  return keysOf(a, b)
    .map((key) => ({ key, from: ca[a.indexOf(key)], to: cb[b.indexOf(key)] }))
    .filter(({ from, to }) => from !== to);
}

function countsByRating(byCode: Int32Array): Record<Rating, number> {
  const counts = { red: 0, amber: 0, green: 0, none: 0 };
  byCode.forEach((c, code) => (counts[ratingOfCode(code)] += c));
  return counts;
}

// Clause counts per saved roll-up (one per filter) and rating column: an edit recounts only the
// columns it changes.
const clauseMemo = new WeakMap<GroupTable, WeakMap<IndicatorColumn, IndicatorUse>>();

function memoOf(saved: GroupTable): WeakMap<IndicatorColumn, IndicatorUse> {
  let memo = clauseMemo.get(saved);
  if (!memo) clauseMemo.set(saved, (memo = new WeakMap()));
  return memo;
}

/**
 * How often each clause of the saved rules fires on the rows of a roll-up (the rule editor shows
 * it before any edit). It also lays up what every later what-if of that roll-up starts from, so
 * the first edit re-counts only what it changes.
 */
export function savedClauseUse(before: TableRatings, saved: GroupTable): ClauseUse {
  savedCountsOf(before);
  return clauseUse(before, maskOfRollUp(saved), memoOf(saved));
}

// Row loops as small functions of typed arrays, which the optimiser compiles once and keeps.

/** The rows a roll-up grouped (those that passed its filter). */
function maskOfRollUp(saved: GroupTable): Uint8Array {
  const rows = saved.partnershipOf;
  const mask = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++) mask[i] = rows[i]! >= 0 ? 1 : 0;
  return mask;
}

/** (group, key) pairs, flattened, whose rating differs between two roll-ups of the same groups. */
function movedSlots(a: GroupTable, b: GroupTable, ja: Int32Array, kb: Int32Array): Int32Array {
  const none = RATING_CODE.none;
  const out: number[] = [];
  for (let g = 0; g < a.size; g++)
    for (let q = 0; q < ja.length; q++) {
      const j = ja[q] as number;
      const k = kb[q] as number;
      const x = j < 0 ? none : (a.rating[g * a.width + j] as number);
      const y = k < 0 ? none : (b.rating[g * b.width + k] as number);
      if (x !== y) out.push(g, q);
    }
  return Int32Array.from(out);
}

function setRows(mask: Uint8Array): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i]) out.push(i);
  return Int32Array.from(out);
}

function countCodes(codes: Uint8Array, mask: Uint8Array): Int32Array {
  const out = new Int32Array(4);
  for (let i = 0; i < codes.length; i++) if (mask[i]) out[codes[i] as number]!++;
  return out;
}

/** Masked rows whose rating differs between two columns (a missing column is all "none"). */
function movedRows(
  from: Uint8Array | undefined,
  to: Uint8Array | undefined,
  mask: Uint8Array,
): Int32Array {
  const none = RATING_CODE.none;
  const out: number[] = [];
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    if ((from ? (from[i] as number) : none) !== (to ? (to[i] as number) : none)) out.push(i);
  }
  return Int32Array.from(out);
}

export function whatIfTable(
  before: TableRatings,
  after: TableRatings,
  filter: Filter,
  /** The saved rules' roll-up of the filter, when the caller has it already. */
  saved: GroupTable = rollUpFilter(before, filter),
  /** At most this many changes are listed (all are counted): a national what-if has thousands. */
  limit = Infinity,
): WhatIf {
  const t = before.table;
  const changes: RatingChange[] = [];
  let changeCount = 0;
  const list = (c: RatingChange) => {
    changeCount++;
    if (changes.length < limit) changes.push(c);
  };
  const pairs = differing(before, after);
  const none = RATING_CODE.none;
  // Authorities and partnerships first: what a board looks at before single schools.
  const ga = rollUpStructure(saved, after, saved);
  const ka = idsOf(before);
  const kb = idsOf(after);
  const keys = keysOf(ka, kb).map((key) => ({ key, j: ka.indexOf(key), k: kb.indexOf(key) }));
  const groupsChanged = { partnership: new Set<string>(), authority: new Set<string>() };
  const slots = movedSlots(
    saved,
    ga,
    Int32Array.from(keys, (x) => x.j),
    Int32Array.from(keys, (x) => x.k),
  );
  for (const level of ['authority', 'partnership'] as const)
    for (let s = 0; s < slots.length; s += 2) {
      const g = slots[s] as number;
      if (saved.level[g] !== level) continue;
      const { key, j, k } = keys[slots[s + 1] as number]!;
      groupsChanged[level].add(saved.id[g] as string);
      list({
        level,
        id: saved.id[g] as string,
        name: saved.name[g] as string,
        indicator: key,
        from: RATINGS[j < 0 ? none : (saved.rating[g * saved.width + j] as number)] as Rating,
        to: RATINGS[k < 0 ? none : (ga.rating[g * ga.width + k] as number)] as Rating,
      });
    }
  // The filter's rows are exactly the rows the saved roll-up grouped.
  const filterMask = maskOfRollUp(saved);
  const before4 = countCodes(before.overall, filterMask);
  const after4 = countCodes(after.overall, filterMask);
  // A school's changes together, in table order.
  const moved = new Uint8Array(t.n);
  for (const { from, to } of pairs) for (const i of movedRows(from, to, filterMask)) moved[i] = 1;
  const schools = new Set<string>();
  for (const i of setRows(moved)) {
    schools.add(textOf(t.urn, i));
    for (const { key, from, to } of pairs) {
      const x = from ? (from[i] as number) : none;
      const y = to ? (to[i] as number) : none;
      if (x !== y)
        list({
          level: 'school',
          id: textOf(t.urn, i),
          name: textOf(t.name, i),
          indicator: key,
          from: RATINGS[x] as Rating,
          to: RATINGS[y] as Rating,
        });
    }
  }
  return {
    changes,
    changeCount,
    schools: schools.size,
    partnerships: groupsChanged.partnership.size,
    authorities: groupsChanged.authority.size,
    overallBefore: countsByRating(before4),
    overallAfter: countsByRating(after4),
    draftUse: clauseUse(after, filterMask, memoOf(saved)),
  };
}

/** The what-if for a list of school-years (small data and tests). */
export function whatIf(
  schools: readonly SchoolYear[],
  saved: RuleSet,
  draft: RuleSet,
  filter: Filter,
): WhatIf {
  const before = rateTable(
    tableFromSchoolYears(schools.filter((s) => s.year === filter.year)),
    compileRules(saved),
  );
  return whatIfTable(before, rerate(before, compileRules(draft)), filter);
}
