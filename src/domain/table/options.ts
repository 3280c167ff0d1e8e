/** What a table can be filtered by: its years, authorities, phases and groupings. */
import { PHASES, type Phase } from '../types';
import { textAt, type SchoolTable } from './school-table';

export interface FilterOptions {
  years: string[];
  /** [LA code, name], by name. */
  las: [string, string][];
  phases: Phase[];
  /** "partnership" then the table's other groupings. */
  groupings: string[];
}

export const EMPTY_OPTIONS: FilterOptions = {
  years: [],
  las: [],
  phases: [],
  groupings: ['partnership'],
};

export function filterOptions(t: SchoolTable): FilterOptions {
  const seenPhase = new Uint8Array(PHASES.length);
  const laName = new Map<string, string>();
  const years = new Set<string>();
  for (let i = 0; i < t.n; i++) {
    seenPhase[t.phase[i] as number] = 1;
    const code = textAt(t.laCode, i);
    if (!laName.has(code)) laName.set(code, textAt(t.laName, i) || code);
  }
  for (const c of t.year.codes) years.add(t.year.dict[c] as string);
  return {
    years: [...years].sort(),
    las: [...laName.entries()].sort((a, b) => a[1].localeCompare(b[1])),
    phases: PHASES.filter((_, p) => seenPhase[p]),
    groupings: ['partnership', ...[...t.groupings.keys()].filter((g) => g !== 'partnership')],
  };
}
