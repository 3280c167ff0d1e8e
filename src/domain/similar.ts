/**
 * "Similar schools" for comparison: same phase and year, nearest on deprivation (FSM %) and size
 * (pupils), each scaled by its spread in the phase so neither dominates.
 */
import { deviation } from 'd3-array';
import { tableFromSchoolYears } from './table/from-school-years';
import { columnValues, type SchoolTable } from './table/school-table';
import type { SchoolYear } from './types';

/** Row numbers of the schools most like row `target`, nearest first. */
export function similarRows(t: SchoolTable, target: number, count = 5): number[] {
  const fsmCol = columnValues(t, 'fsm_pct');
  const pupilsCol = columnValues(t, 'pupils');
  const phase = t.phase[target];
  const year = t.year.codes[target];
  const urn = t.urn[target];
  const peers: number[] = [];
  for (let i = 0; i < t.n; i++)
    if (t.phase[i] === phase && t.year.codes[i] === year && t.urn[i] !== urn) peers.push(i);
  const fsm = fsmCol[target] as number;
  const pupils = pupilsCol[target] as number;
  if (Number.isNaN(fsm) && Number.isNaN(pupils)) return [];
  // d3's deviation skips NaN, as a missing value should be.
  const sdF = deviation(peers, (i) => fsmCol[i]) || 1;
  const sdP = deviation(peers, (i) => pupilsCol[i]) || 1;
  const near: { i: number; d: number }[] = [];
  for (const i of peers) {
    const f = fsmCol[i] as number;
    const p = pupilsCol[i] as number;
    const dF = Number.isNaN(fsm) || Number.isNaN(f) ? undefined : (f - fsm) / sdF;
    const dP = Number.isNaN(pupils) || Number.isNaN(p) ? undefined : (p - pupils) / sdP;
    if (dF === undefined && dP === undefined) continue;
    near.push({ i, d: Math.hypot(dF ?? 0, dP ?? 0) });
  }
  return near
    .sort((a, b) => a.d - b.d || ((t.urn[a.i] as string) < (t.urn[b.i] as string) ? -1 : 1))
    .slice(0, count)
    .map((x) => x.i);
}

/** The same for row objects (small data and tests). */
export function similarSchools(
  target: SchoolYear,
  all: readonly SchoolYear[],
  count = 5,
): SchoolYear[] {
  const list = all.includes(target) ? all : [target, ...all];
  return similarRows(tableFromSchoolYears(list), list.indexOf(target), count).map(
    (i) => list[i] as SchoolYear,
  );
}
