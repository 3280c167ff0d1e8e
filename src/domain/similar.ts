/**
 * "Similar schools" for comparison: same phase and year, nearest on deprivation (FSM %) and size
 * (pupils), each scaled by its spread in the phase so neither dominates.
 */
import { deviation } from 'd3-array';
import type { SchoolYear } from './types';

export function similarSchools(
  target: SchoolYear,
  all: readonly SchoolYear[],
  count = 5,
): SchoolYear[] {
  const peers = all.filter(
    (s) => s.phase === target.phase && s.year === target.year && s.urn !== target.urn,
  );
  const fsm = target.values.fsm_pct;
  const pupils = target.values.pupils;
  if (fsm === undefined && pupils === undefined) return [];
  const sdF = deviation(peers, (s) => s.values.fsm_pct) || 1;
  const sdP = deviation(peers, (s) => s.values.pupils) || 1;
  const distance = (s: SchoolYear) => {
    const dF =
      fsm === undefined || s.values.fsm_pct === undefined
        ? undefined
        : (s.values.fsm_pct - fsm) / sdF;
    const dP =
      pupils === undefined || s.values.pupils === undefined
        ? undefined
        : (s.values.pupils - pupils) / sdP;
    if (dF === undefined && dP === undefined) return Infinity;
    return Math.hypot(dF ?? 0, dP ?? 0);
  };
  return peers
    .map((s) => ({ s, d: distance(s) }))
    .filter((x) => Number.isFinite(x.d))
    .sort((a, b) => a.d - b.d || (a.s.urn < b.s.urn ? -1 : 1))
    .slice(0, count)
    .map((x) => x.s);
}
