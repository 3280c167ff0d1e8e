/**
 * What moved: a school's ratings this year against its previous year with data. A partner
 * preparing a visit and a board reviewing concerns both ask "is this new, or was it so last
 * year?". Only ratings present in both years are compared; the rest are listed as not compared,
 * so a school that had no absence data last year does not appear to have "moved" to red.
 */
import { RATING_CODE } from './engine/codes';
import type { TableRatings } from './engine/rate-table';
import { OVERALL_ID, rateOverall } from './overall';
import { textAt } from './table/school-table';
import type { IndicatorRating } from './rating';
import type { OverallRule } from './rules/schema';
import type { SchoolRatings } from './rate-dataset';
import { RATING_ORDER } from './rating';
import type { Rating } from './types';

export interface Movement {
  indicator: string;
  label: string;
  from: Rating;
  to: Rating;
  fromValue: number | undefined;
  toValue: number | undefined;
  way: 'better' | 'worse';
}

export interface YearOnYear {
  fromYear: string;
  toYear: string;
  /** Overall first (when it moved), then worse before better, in rule order within each. */
  moved: Movement[];
  /** Rated in both years with the same rating. */
  unchanged: string[];
  /** Rated in one year only (labels); Overall too when its evidence differs. */
  notCompared: string[];
  /** The same, with the year that has no rating. */
  notComparable: NotComparable[];
  /** Overall on the performance indicators rated in both years, when the two overalls differ in basis. */
  likeForLike?: { on: string[]; from: Rating; to: Rating };
  /**
   * Performance indicators rated in one year only: the two overall ratings then rest on
   * different evidence, which the reader must be told when overall moved.
   */
  overallBasisDiffers: string[];
  /** The same, with the year each is missing in ("2017/18 has no Absence data"). */
  basis: NotComparable[];
  /** Rated in both years on values of different definitions: not compared, and why. */
  otherDefinition: { label: string; why: string }[];
}

/** Each school's rated years, oldest first, so its previous year is one lookup away. */
export function yearsBySchool(schools: readonly SchoolRatings[]): Map<string, SchoolRatings[]> {
  const by = new Map<string, SchoolRatings[]>();
  for (const s of schools) {
    const list = by.get(s.school.urn);
    if (list) list.push(s);
    else by.set(s.school.urn, [s]);
  }
  for (const list of by.values())
    list.sort((a, b) =>
      a.school.year < b.school.year ? -1 : a.school.year > b.school.year ? 1 : 0,
    );
  return by;
}

/** The latest year of the same school before `cur`, if any. */
export function previousOf(
  cur: SchoolRatings,
  by: ReadonlyMap<string, readonly SchoolRatings[]>,
): SchoolRatings | undefined {
  const earlier = (by.get(cur.school.urn) ?? []).filter((s) => s.school.year < cur.school.year);
  return earlier[earlier.length - 1];
}

/** An indicator rated in one of the two years only, and the year that has no rating. */
export interface NotComparable {
  label: string;
  /** The year without a rating (e.g. "2017/18" when absence has no data then). */
  missingIn: string;
}

type IndicatorInfo = { id: string; label: string; kind?: 'context' | 'performance' };

export function yearOnYear(
  prev: SchoolRatings,
  cur: SchoolRatings,
  indicators: readonly IndicatorInfo[],
  /** With the overall rule, overall is also compared on the indicators both years rate. */
  overallRule?: OverallRule,
  /** Why an indicator's values of the two years are of different definitions, if they are. */
  definitionChange?: (indicatorId: string) => string | undefined,
): YearOnYear {
  const out: YearOnYear = {
    fromYear: prev.school.year,
    toYear: cur.school.year,
    moved: [],
    unchanged: [],
    notCompared: [],
    notComparable: [],
    overallBasisDiffers: [],
    basis: [],
    otherDefinition: [],
  };
  const shown = indicators.filter((i) => cur.byIndicator[i.id]?.applicable !== false);
  for (const i of shown) {
    const from = prev.byIndicator[i.id]?.rating ?? 'none';
    const to = cur.byIndicator[i.id]?.rating ?? 'none';
    if (i.kind === 'performance' && (from === 'none') !== (to === 'none')) {
      out.overallBasisDiffers.push(i.label);
      out.basis.push({
        label: i.label,
        missingIn: from === 'none' ? prev.school.year : cur.school.year,
      });
    }
  }
  // Overall is compared only when both years rest on the same performance indicators; else it
  // is "not comparable", and (given the rule) compared again on the indicators both years rate.
  const rows = [
    ...(out.overallBasisDiffers.length === 0
      ? [{ id: OVERALL_ID, label: 'Overall', a: prev.overall, b: cur.overall }]
      : []),
    ...shown.map((i) => ({ ...i, a: prev.byIndicator[i.id], b: cur.byIndicator[i.id] })),
  ];
  if (out.overallBasisDiffers.length) {
    out.notCompared.push('Overall');
    if (overallRule) {
      const both = shown.filter(
        (i) =>
          i.kind === 'performance' &&
          (prev.byIndicator[i.id]?.rating ?? 'none') !== 'none' &&
          (cur.byIndicator[i.id]?.rating ?? 'none') !== 'none',
      );
      const on = (s: SchoolRatings) =>
        rateOverall(
          both.map((i) => ({ label: i.label, rating: s.byIndicator[i.id] as IndicatorRating })),
          overallRule,
        ).rating;
      out.likeForLike = { on: both.map((i) => i.label), from: on(prev), to: on(cur) };
    }
  }
  for (const { id, label, a, b } of rows) {
    const from = a?.rating ?? 'none';
    const to = b?.rating ?? 'none';
    if (from === 'none' && to === 'none') continue;
    const why = id === OVERALL_ID ? undefined : definitionChange?.(id);
    if (why) out.otherDefinition.push({ label, why });
    else if (from === 'none' || to === 'none') {
      out.notCompared.push(label);
      out.notComparable.push({
        label,
        missingIn: from === 'none' ? prev.school.year : cur.school.year,
      });
    } else if (from === to) out.unchanged.push(label);
    else
      out.moved.push({
        indicator: id,
        label,
        from,
        to,
        fromValue: a?.value,
        toValue: b?.value,
        way: RATING_ORDER[to] < RATING_ORDER[from] ? 'worse' : 'better',
      });
  }
  // Stable sort: overall stays first (it is pushed first), then worse before better.
  out.moved.sort(
    (a, b) =>
      Number(b.indicator === OVERALL_ID) - Number(a.indicator === OVERALL_ID) ||
      Number(a.way === 'better') - Number(b.way === 'better'),
  );
  return out;
}

/**
 * Why two years of one school are not like for like, in words: "2017/18 has no Absence,
 * Persistent absence data". Empty when both years rate the same performance indicators.
 */
export function basisNote(
  fromYear: string,
  toYear: string,
  missing: readonly NotComparable[],
): string {
  const by = (year: string) => missing.filter((m) => m.missingIn === year).map((m) => m.label);
  return [fromYear, toYear]
    .filter((y) => by(y).length)
    .map((y) => `${y} has no ${by(y).join(', ')} data`)
    .join('; ');
}

/** Performance indicators rated in one of two rows of the engine's table but not the other. */
export function basisBetween(tr: TableRatings, prevRow: number, row: number): NotComparable[] {
  const out: NotComparable[] = [];
  const none = RATING_CODE.none;
  for (const col of tr.indicators) {
    if (col.ind.rule.kind !== 'performance') continue;
    const then = col.rating[prevRow] !== none;
    const now = col.rating[row] !== none;
    if (then !== now)
      out.push({
        label: col.ind.rule.label,
        missingIn: textAt(tr.table.year, then ? row : prevRow),
      });
  }
  return out;
}

/** Performance indicators rated for at least one of the rows (what their overall rests on). */
export function ratedIndicators(tr: TableRatings, rows: readonly number[]): string[] {
  const none = RATING_CODE.none;
  return tr.indicators
    .filter((c) => c.ind.rule.kind === 'performance' && rows.some((i) => c.rating[i] !== none))
    .map((c) => c.ind.rule.label);
}

/** The year before `year`, of those the data has (years sort as "2017/18" < "2018/19"). */
export const priorYearOf = (
  filter: { year: string },
  years: readonly string[],
): string | undefined => years.filter((y) => y < filter.year).at(-1);
