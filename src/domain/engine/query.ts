/**
 * What views ask of the ratings, answered from the arrays: the rows a filter keeps, a row's
 * rating, a school's other years, the groups of a level. Whole explanations are built only for
 * what is shown (explain.ts, explain-group.ts).
 */
import { maskOf, type Filter } from '../rated-view';
import type { Rating } from '../types';
import { RATINGS } from '../types';
import { RATING_CODE } from './codes';
import type { SchoolTable } from '../table/school-table';
import { allTexts, rowsWith, textOf } from '../table/text-column';
import type { GroupLevel } from './group-structure';
import type { TableRatings } from './rate-table';
import type { GroupArrays, GroupTable } from './rollup-table';

/** Row numbers a filter keeps, in table order. */
export function rowsMatching(t: SchoolTable, f: Filter): number[] {
  const mask = maskOf(t, f);
  const out: number[] = [];
  for (let i = 0; i < t.n; i++) if (mask[i]) out.push(i);
  return out;
}

/** A row's rating on indicator k, or overall when k is -1 (or past the last indicator). */
export function ratingAt(tr: TableRatings, k: number, row: number): Rating {
  const col = k >= 0 && k < tr.indicators.length ? tr.indicators[k]!.rating : tr.overall;
  return RATINGS[col[row] as number] as Rating;
}

/**
 * The indicators any of these rows is rated on, in rule order, and the ones none is (KS4 in a
 * primary-only partnership): views list the second kind in a sentence instead of empty columns.
 */
export function indicatorsRatedIn<I>(
  tr: TableRatings,
  rules: readonly I[],
  rows: readonly number[],
): { shown: I[]; hidden: I[] } {
  const none = RATINGS.indexOf('none');
  const shown: I[] = [];
  const hidden: I[] = [];
  rules.forEach((ind, k) => {
    const r = tr.indicators[k]?.rating;
    (r && rows.some((i) => r[i] !== none) ? shown : hidden).push(ind);
  });
  return { shown, hidden };
}

/** An indicator's index by id; -1 for "overall" or an unknown id. */
export const indicatorIndex = (tr: TableRatings, id: string): number =>
  tr.indicators.findIndex((c) => c.ind.id === id);

/** Compares two rows by their year, older first. */
function byYear(t: SchoolTable): (a: number, b: number) => number {
  const year = (i: number) => t.year.dict[t.year.codes[i] as number] as string;
  return (a, b) => (year(a) < year(b) ? -1 : year(a) > year(b) ? 1 : 0);
}

// Made once per table: every URN's rows, oldest year first.
const byUrnCache = new WeakMap<SchoolTable, Map<string, number[]>>();

export function rowsByUrn(t: SchoolTable): Map<string, number[]> {
  let m = byUrnCache.get(t);
  if (m) return m;
  m = new Map();
  const urns = allTexts(t.urn);
  for (let i = 0; i < t.n; i++) {
    const urn = urns[i] as string;
    const list = m.get(urn);
    if (list) list.push(i);
    else m.set(urn, [i]);
  }
  const older = byYear(t);
  for (const list of m.values()) if (list.length > 1) list.sort(older);
  byUrnCache.set(t, m);
  return m;
}

/**
 * One school's rows, oldest year first: from the index of every URN when it has been made, else
 * by one pass over the URNs (a school page needs one school; making the index of 23,000 was a
 * sixth of its first render on the national data).
 */
export function rowsOfSchool(t: SchoolTable, urn: string): number[] {
  const made = byUrnCache.get(t);
  if (made) return made.get(urn) ?? [];
  return rowsWith(t.urn, urn).sort(byYear(t));
}

/** The same school's latest earlier year, if any. */
export function previousRow(t: SchoolTable, row: number): number | undefined {
  // One year (a national file): no school has a previous one, and no index of every URN is needed.
  if (t.year.dict.length < 2) return undefined;
  const list = rowsByUrn(t).get(textOf(t.urn, row)) ?? [];
  const at = list.indexOf(row);
  return at > 0 ? list[at - 1] : undefined;
}

/** Group numbers of one level, in the roll-up's order (year, then name). */
export function groupsOfLevel(gt: GroupArrays, level: GroupLevel): number[] {
  const out: number[] = [];
  for (let g = 0; g < gt.size; g++) if (gt.level[g] === level) out.push(g);
  return out;
}

/** A group by level, id and (optionally) year; -1 when there is none. */
export function findGroup(gt: GroupArrays, level: GroupLevel, id: string, year?: string): number {
  for (let g = 0; g < gt.size; g++)
    if (gt.level[g] === level && gt.id[g] === id && (year === undefined || gt.year[g] === year))
      return g;
  return -1;
}

/** A group's overall rating and its member rows. */
export const groupOverall = (gt: GroupArrays, g: number): Rating =>
  RATINGS[gt.rating[g * gt.width + gt.width - 1] as number] as Rating;

/** How many schools a group has. */
export const groupSize = (gt: GroupArrays, g: number): number =>
  (gt.memberOffsets[g + 1] as number) - (gt.memberOffsets[g] as number);

export const groupMembers = (gt: GroupTable, g: number): Int32Array =>
  gt.members.subarray(gt.memberOffsets[g], gt.memberOffsets[g + 1]);

/**
 * Counts per column (the indicators, then overall) x rating code over every row a roll-up
 * holds: the sum of its authority groups, which between them hold each of its rows once. A
 * view's headline counts come from these in a pass over the groups, not over the rows.
 */
export function rowTotals(gt: GroupArrays): Int32Array {
  const w = gt.width * 4;
  const out = new Int32Array(w);
  for (let g = 0; g < gt.size; g++) {
    if (gt.level[g] !== 'authority') continue;
    for (let j = 0; j < w; j++) out[j]! += gt.counts[g * w + j] as number;
  }
  return out;
}

/** Whether any row of the totals is rated (red, amber or green) on column k. */
export function anyRated(totals: Int32Array, k: number): boolean {
  const b = k * 4;
  return (
    (totals[b + RATING_CODE.red] as number) +
      (totals[b + RATING_CODE.amber] as number) +
      (totals[b + RATING_CODE.green] as number) >
    0
  );
}

/** The rows a roll-up holds whose rating on column k (the last is overall) is `code`, ascending. */
export function rowsRatedIn(gt: GroupTable, k: number, code: number): number[] {
  const tr = gt.ratings;
  const col = k < tr.indicators.length ? tr.indicators[k]!.rating : tr.overall;
  const out: number[] = [];
  for (let g = 0; g < gt.size; g++) {
    if (gt.level[g] !== 'authority') continue;
    for (const i of groupMembers(gt, g)) if (col[i] === code) out.push(i);
  }
  // Authorities hold their rows in order; table order across them.
  return out.sort((a, b) => a - b);
}
