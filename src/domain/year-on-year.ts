/**
 * What moved: a school's ratings this year against its previous year with data. A partner
 * preparing a visit and a board reviewing concerns both ask "is this new, or was it so last
 * year?". Only ratings present in both years are compared; the rest are listed as not compared,
 * so a school that had no absence data last year does not appear to have "moved" to red.
 */
import { OVERALL_ID } from './overall';
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
  /** Rated in one year only (labels). */
  notCompared: string[];
  /**
   * Performance indicators rated in one year only: the two overall ratings then rest on
   * different evidence, which the reader must be told when overall moved.
   */
  overallBasisDiffers: string[];
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

export function yearOnYear(
  prev: SchoolRatings,
  cur: SchoolRatings,
  indicators: readonly { id: string; label: string; kind?: 'context' | 'performance' }[],
): YearOnYear {
  const out: YearOnYear = {
    fromYear: prev.school.year,
    toYear: cur.school.year,
    moved: [],
    unchanged: [],
    notCompared: [],
    overallBasisDiffers: [],
  };
  const rows = [
    { id: OVERALL_ID, label: 'Overall', a: prev.overall, b: cur.overall, kind: undefined },

    ...indicators
      .filter((i) => cur.byIndicator[i.id]?.applicable !== false)
      .map((i) => ({ ...i, a: prev.byIndicator[i.id], b: cur.byIndicator[i.id] })),
  ];
  for (const { id, label, a, b, kind } of rows) {
    const from = a?.rating ?? 'none';
    const to = b?.rating ?? 'none';
    if (from === 'none' && to === 'none') continue;
    if (from === 'none' || to === 'none') {
      out.notCompared.push(label);
      if (kind === 'performance') out.overallBasisDiffers.push(label);
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
