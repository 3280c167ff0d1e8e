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
  // Authorities by code: each code's name is read at its first row only (a Map lookup of every
  // row's text took 25 ms on the page for a 100 MB file).
  const seenLa = new Uint8Array(t.laCode.dict.length);
  const laName = new Map<string, string>();
  const phase = t.phase;
  const la = t.laCode.codes;
  for (let i = 0; i < t.n; i++) {
    seenPhase[phase[i] as number] = 1;
    const c = la[i] as number;
    if (seenLa[c]) continue;
    seenLa[c] = 1;
    const code = textAt(t.laCode, i);
    if (!laName.has(code)) laName.set(code, textAt(t.laName, i) || code);
  }
  const seenYear = new Uint8Array(t.year.dict.length);
  for (let i = 0; i < t.n; i++) seenYear[t.year.codes[i] as number] = 1;
  const years = t.year.dict.filter((_, c) => seenYear[c]);
  return {
    years: [...new Set(years)].sort(),
    las: [...laName.entries()].sort((a, b) => a[1].localeCompare(b[1])),
    phases: PHASES.filter((_, p) => seenPhase[p]),
    groupings: ['partnership', ...[...t.groupings.keys()].filter((g) => g !== 'partnership')],
  };
}
