/**
 * What the dashboard shows, derived from data + rules: school ratings with each comparison
 * group's sorted values (for distribution charts), and roll-ups of a filtered subset. Plain data
 * only, so both can cross from a Web Worker.
 */
import type { DatasetRatings, SchoolRatings } from './rate-dataset';
import { rollUpSchools, DEFAULT_GROUPING, type GroupRatings } from './rollup';
import type { Phase } from './types';

export interface SchoolView {
  schools: SchoolRatings[];
  /** indicator id -> comparison key ("primary|2018/19") -> ascending values. */
  distributions: Record<string, Record<string, number[]>>;
}

/** A group roll-up without its member objects: members are named by index into schools. */
export type GroupSummary = Omit<GroupRatings, 'schools'> & { members: number[] };

export interface Filter {
  year: string;
  phase?: Phase;
  laCode?: string;
  grouping?: string;
}

export function schoolView(rated: DatasetRatings): SchoolView {
  const distributions: SchoolView['distributions'] = {};
  for (const [id, groups] of rated.groups) {
    const byKey: Record<string, number[]> = {};
    for (const [key, g] of groups) byKey[key] = [...g.sorted];
    distributions[id] = byKey;
  }
  return { schools: [...rated.schools], distributions };
}

export function matchesFilter(s: SchoolRatings['school'], f: Filter): boolean {
  return (
    s.year === f.year && (!f.phase || s.phase === f.phase) && (!f.laCode || s.laCode === f.laCode)
  );
}

/** Roll-ups of the schools that pass the filter (so "primary only" rolls up primaries only). */
export function groupSummaries(rated: DatasetRatings, f: Filter): GroupSummary[] {
  const index = new Map(rated.schools.map((s, i) => [s, i]));
  const subset = rated.schools.filter((s) => matchesFilter(s.school, f));
  return rollUpSchools(subset, rated.rules, f.grouping ?? DEFAULT_GROUPING).map(
    ({ schools, ...g }) => ({
      ...g,
      members: schools.map((s) => index.get(s) as number),
    }),
  );
}
