/**
 * Which groups the rows that pass a filter fall into: by partnership (or another grouping) and
 * year, then by authority and year, each group with its members (CSR: group g's rows are
 * members[memberOffsets[g]..memberOffsets[g+1]), ascending). It depends on the table, the mask
 * and the grouping only, so a rating change (a what-if) reuses it.
 */
import { textAt, type DictColumn, type SchoolTable } from '../table/school-table';
import { rankOf } from './rank-strings';

export type GroupLevel = 'partnership' | 'authority';

/** The partnership grouping used when none is named: the dataset's `partnership` column. */
export const DEFAULT_GROUPING = 'partnership';
export const UNASSIGNED = '(no partnership)';

export interface GroupStructure {
  table: SchoolTable;
  grouping: string;
  /** Number of groups: partnerships first, then authorities, each by year then name. */
  size: number;
  level: GroupLevel[];
  /** Partnership name or LA code. */
  id: string[];
  name: string[];
  year: string[];
  /** Per row: its partnership group and its authority group; -1 when filtered out. */
  partnershipOf: Int32Array;
  authorityOf: Int32Array;
  memberOffsets: Int32Array;
  members: Int32Array;
}

export function groupingColumn(t: SchoolTable, grouping: string): DictColumn | undefined {
  return grouping === DEFAULT_GROUPING ? t.partnership : t.groupings.get(grouping);
}

interface Names {
  /** Name number of each dictionary code (blank names share "(no partnership)"). */
  ofCode: Int32Array;
  names: string[];
  /** Position of each name number in sorted order. */
  rank: Int32Array;
}

// Names and their sort order are worked out once per grouping column, not per filter change.
const namesCache = new WeakMap<object, Names>();

function namesOf(t: SchoolTable, col: DictColumn | undefined): Names {
  const owner = col ?? t;
  let n = namesCache.get(owner);
  if (n) return n;
  // Dictionary values are distinct: each is a name of its own, but blanks (and the literal
  // "(no partnership)") share one.
  const names: string[] = [];
  let unassigned = -1;
  const ofCode = Int32Array.from(col?.dict ?? [''], (raw) => {
    if (raw.trim() && raw !== UNASSIGNED) return names.push(raw) - 1;
    if (unassigned < 0) unassigned = names.push(UNASSIGNED) - 1;
    return unassigned;
  });
  namesCache.set(owner, (n = { ofCode, names, rank: rankOf(names) }));
  return n;
}

interface Draft {
  id: string;
  name: string;
  year: string;
  /** Sort keys: year rank, then name rank. */
  yearRank: number;
  nameRank: number;
}

export function groupStructure(
  t: SchoolTable,
  mask: Uint8Array | undefined,
  grouping: string = DEFAULT_GROUPING,
): GroupStructure {
  const gcol = groupingColumn(t, grouping);
  const { ofCode, names, rank } = namesOf(t, gcol);
  const yearRank = rankOf(t.year.dict);
  const laNames: string[] = [];
  const nYears = t.year.dict.length;
  // Keys are small integers (name x year, authority x year): typed arrays, not Maps.
  const pKey = new Int32Array(names.length * nYears).fill(-1);
  const aKey = new Int32Array(t.laCode.dict.length * nYears).fill(-1);
  const p: Draft[] = [];
  const a: Draft[] = [];
  const partnershipOf = new Int32Array(t.n).fill(-1);
  const authorityOf = new Int32Array(t.n).fill(-1);
  for (let i = 0; i < t.n; i++) {
    if (mask && !mask[i]) continue;
    const yc = t.year.codes[i] as number;
    const nid = ofCode[gcol ? (gcol.codes[i] as number) : 0] as number;
    const pk = nid * nYears + yc;
    let pg = pKey[pk] as number;
    if (pg < 0) {
      const name = names[nid] as string;
      const year = textAt(t.year, i);
      const draft = {
        id: name,
        name,
        year,
        yearRank: yearRank[yc] as number,
        nameRank: rank[nid] as number,
      };
      pKey[pk] = pg = p.push(draft) - 1;
    }
    partnershipOf[i] = pg;
    const ak = (t.laCode.codes[i] as number) * nYears + yc;
    let ag = aKey[ak] as number;
    if (ag < 0) {
      const code = textAt(t.laCode, i);
      const name = textAt(t.laName, i) || code;
      laNames.push(name);
      const draft = {
        id: code,
        name,
        year: textAt(t.year, i),
        yearRank: yearRank[yc] as number,
        nameRank: 0,
      };
      aKey[ak] = ag = a.push(draft) - 1;
    }
    authorityOf[i] = ag;
  }
  const laRank = rankOf(laNames);
  a.forEach((d, k) => (d.nameRank = laRank[k] as number));
  // By year then name; ties (two authorities of one name) stay in first-seen order. As one
  // number per group sorted without a comparator when it is exact in a double (always, for
  // any real dataset): its ranks, then its place below a power of two, which comes back out by
  // exact multiplications (a remainder of doubles is a slow library call).
  const order = (list: Draft[], names: number): Int32Array => {
    const L = list.length;
    let places = 1;
    while (places < L) places *= 2;
    if ((nYears + 1) * (names + 1) * places >= 2 ** 53)
      return Int32Array.from(
        list
          .map((_, k) => k)
          .sort(
            (x, y) =>
              list[x]!.yearRank - list[y]!.yearRank ||
              list[x]!.nameRank - list[y]!.nameRank ||
              x - y,
          ),
      );
    const keys = new Float64Array(L);
    for (let k = 0; k < L; k++) {
      const d = list[k]!;
      keys[k] = (d.yearRank * names + d.nameRank) * places + k;
    }
    keys.sort();
    const out = new Int32Array(L);
    const perPlace = 1 / places;
    for (let r = 0; r < L; r++) {
      const key = keys[r] as number;
      out[r] = key - Math.floor(key * perPlace) * places;
    }
    return out;
  };
  const po = order(p, names.length);
  const ao = order(a, laNames.length);
  const rankP = new Int32Array(p.length);
  for (let r = 0; r < po.length; r++) rankP[po[r] as number] = r;
  const rankA = new Int32Array(a.length);
  for (let r = 0; r < ao.length; r++) rankA[ao[r] as number] = p.length + r;
  const G = p.length + a.length;
  const memberOffsets = new Int32Array(G + 1);
  for (let i = 0; i < t.n; i++) {
    const pg = partnershipOf[i] as number;
    if (pg < 0) continue;
    const x = (partnershipOf[i] = rankP[pg] as number);
    const y = (authorityOf[i] = rankA[authorityOf[i] as number] as number);
    memberOffsets[x + 1]!++;
    memberOffsets[y + 1]!++;
  }
  for (let g = 0; g < G; g++) memberOffsets[g + 1]! += memberOffsets[g] as number;
  const members = new Int32Array(memberOffsets[G] as number);
  const cursor = memberOffsets.slice(0, G);
  for (let i = 0; i < t.n; i++) {
    const pg = partnershipOf[i] as number;
    if (pg < 0) continue;
    members[cursor[pg]!++] = i;
    members[cursor[authorityOf[i] as number]!++] = i;
  }
  const all = [...Array.from(po, (k) => p[k]!), ...Array.from(ao, (k) => a[k]!)];
  return {
    table: t,
    grouping,
    size: G,
    level: all.map((_, k) => (k < p.length ? 'partnership' : 'authority')),
    id: all.map((x) => x.id),
    name: all.map((x) => x.name),
    year: all.map((x) => x.year),
    partnershipOf,
    authorityOf,
    memberOffsets,
    members,
  };
}

/** The partnership a row belongs to under a grouping ("partnership", "trust", ...). */
export function partnershipAt(
  t: SchoolTable,
  row: number,
  grouping: string = DEFAULT_GROUPING,
): string {
  const col = groupingColumn(t, grouping);
  const name = col ? textAt(col, row) : undefined;
  return name?.trim() ? name : UNASSIGNED;
}

/** partnershipAt of each row given, each value's name worked out once (not once a row). */
export function partnershipsAt(
  t: SchoolTable,
  rows: readonly number[],
  grouping: string = DEFAULT_GROUPING,
): string[] {
  const col = groupingColumn(t, grouping);
  if (!col) return rows.map(() => UNASSIGNED);
  const names = col.dict.map((v) => (v.trim() ? v : UNASSIGNED));
  return rows.map((i) => names[col.codes[i] as number] as string);
}
