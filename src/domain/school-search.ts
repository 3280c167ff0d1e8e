/**
 * Finding a school by part of its name or its URN, answered where the table lives: one entry
 * per school (its latest year), sorted by name once per table.
 */
import { rowsByUrn } from './engine/query';
import { textAt, type SchoolTable } from './table/school-table';
import { textOf } from './table/text-column';

export interface SchoolEntry {
  urn: string;
  name: string;
  laName: string;
  partnership: string;
}

/** How many matches a search lists (the finder says "20+" at this many). */
export const FIND_LIMIT = 20;

interface Indexed extends SchoolEntry {
  lower: string;
}

// A national list is 23,000 schools: made once per table, not per keystroke.
const entriesCache = new WeakMap<SchoolTable, Indexed[]>();

function entriesOf(t: SchoolTable): Indexed[] {
  let e = entriesCache.get(t);
  if (e) return e;
  const collator = new Intl.Collator('en-GB');
  e = [...rowsByUrn(t).values()]
    .map((rows) => {
      const i = rows[rows.length - 1] as number;
      const name = textOf(t.name, i);
      return {
        urn: textOf(t.urn, i),
        name,
        lower: name.toLowerCase(),
        laName: textAt(t.laName, i),
        partnership: textAt(t.partnership, i),
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name));
  entriesCache.set(t, e);
  return e;
}

/** Schools whose name contains the text (any case) or whose URN it is, by name; none under two letters. */
export function findSchools(t: SchoolTable, text: string, limit = FIND_LIMIT): SchoolEntry[] {
  const q = text.trim().toLowerCase();
  if (q.length < 2) return [];
  const out: SchoolEntry[] = [];
  for (const { lower, ...entry } of entriesOf(t)) {
    if (!lower.includes(q) && entry.urn !== q) continue;
    out.push(entry);
    if (out.length === limit) break;
  }
  return out;
}
