/**
 * One partnership (a group of any grouping) as its page shows it, worked out where the table
 * lives: its figures and its authority's, the indicators any of its schools is rated on, the
 * phases each rates, and its schools as columns (names, ratings and values, no reasons: those
 * are explained for the schools on screen, `schoolReasons`).
 */
import { RATING_CODE } from './engine/codes';
import { explainIndicator } from './engine/explain';
import { groupFigures, type GroupFigures } from './engine/explain-group';
import { findGroup, groupMembers, indicatorsRatedIn } from './engine/query';
import type { TableRatings } from './engine/rate-table';
import type { GroupTable } from './engine/rollup-table';
import { schoolRatingsAt } from './rate-dataset';
import { RATING_LABEL } from './rating';
import { PHASES, type Phase } from './types';
import { phaseAt, textAt } from './table/school-table';
import { textOf } from './table/text-column';

/** Schools as columns: row p of each array is the school `rows[p]` of the table. */
export interface SchoolColumns {
  rows: Int32Array;
  urn: string[];
  name: string[];
  year: string[];
  phase: Phase[];
  /** Overall RATING_CODE. */
  overall: Uint8Array;
  /** Per indicator in rule order: RATING_CODE and value (NaN missing). */
  rating: Uint8Array[];
  value: Float64Array[];
}

export interface PartnershipDetail {
  group: GroupFigures;
  authority?: GroupFigures;
  /** Ids of the indicators some school here is rated on, in rule order; and the others. */
  shown: string[];
  hidden: string[];
  /** By indicator id: the phases of the schools it rates here (England's figure is per phase). */
  ratedPhases: Record<string, Phase[]>;
  schools: SchoolColumns;
}

export function schoolColumns(tr: TableRatings, rows: Int32Array): SchoolColumns {
  const t = tr.table;
  const list = Array.from(rows);
  return {
    rows: rows.slice(),
    urn: list.map((i) => textOf(t.urn, i)),
    name: list.map((i) => textOf(t.name, i)),
    year: list.map((i) => textAt(t.year, i)),
    phase: list.map((i) => phaseAt(t, i)),
    overall: Uint8Array.from(list, (i) => tr.overall[i] as number),
    rating: tr.indicators.map((c) => Uint8Array.from(list, (i) => c.rating[i] as number)),
    value: tr.indicators.map((c) => Float64Array.from(list, (i) => c.value[i] as number)),
  };
}

/** The partnership group `g` of a roll-up, or undefined when there is no such group. */
export function partnershipDetail(gt: GroupTable, g: number): PartnershipDetail | undefined {
  if (!(g >= 0 && g < gt.size) || gt.level[g] !== 'partnership') return undefined;
  const tr = gt.ratings;
  const t = tr.table;
  const members = groupMembers(gt, g);
  const rows = Array.from(members);
  const group = groupFigures(gt, g);
  const laCode = rows[0] === undefined ? '' : textAt(t.laCode, rows[0]);
  const a = findGroup(gt, 'authority', laCode, group.year);
  const { shown, hidden } = indicatorsRatedIn(tr, tr.indicators, rows);
  const ratedPhases: Record<string, Phase[]> = {};
  for (const col of tr.indicators) {
    const seen = new Set<number>();
    for (const r of rows) if (col.rating[r] !== RATING_CODE.none) seen.add(t.phase[r] as number);
    ratedPhases[col.ind.id] = PHASES.filter((_, p) => seen.has(p));
  }
  return {
    group,
    ...(a >= 0 ? { authority: groupFigures(gt, a) } : {}),
    shown: shown.map((c) => c.ind.id),
    hidden: hidden.map((c) => c.ind.id),
    ratedPhases,
    schools: schoolColumns(tr, members),
  };
}

/** Each school's reason on every indicator (rule order), for the schools on screen. */
export function schoolReasons(tr: TableRatings, rows: readonly number[]): string[][] {
  return rows.map((i) => tr.indicators.map((_, k) => explainIndicator(tr, k, i).reason));
}

/**
 * A partnership's schools as a table to download: a row per school with its overall rating and,
 * for each indicator shown, its value, rating and reason.
 */
export function schoolsTable(
  tr: TableRatings,
  rows: readonly number[],
  indicatorIds: readonly string[],
): (string | number | undefined)[][] {
  const ids = indicatorIds.filter((id) => tr.indicators.some((c) => c.ind.id === id));
  return [
    [
      'urn',
      'name',
      'phase',
      'year',
      'overall',
      ...ids.flatMap((id) => [`${id}_value`, `${id}_rating`, `${id}_reason`]),
    ],
    ...rows.map((row) => {
      const sr = schoolRatingsAt(tr, row);
      return [
        sr.school.urn,
        sr.school.name,
        sr.school.phase,
        sr.school.year,
        RATING_LABEL[sr.overall.rating],
        ...ids.flatMap((id) => {
          const r = sr.byIndicator[id];
          return [r?.value, r ? RATING_LABEL[r.rating] : '', r?.reason];
        }),
      ];
    }),
  ];
}
