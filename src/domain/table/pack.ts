/**
 * A table packed to cross between threads cheaply: its typed arrays copied (the sender keeps its
 * own) so their buffers can be transferred; its URN and name columns, half a million strings
 * in a national file repeated, joined into one string each; its DfE missing codes as arrays.
 * Cloning that many strings and Map entries one by one took the page's main thread over a second
 * for a 100 MB file; a few strings and buffers cross fast.
 */
import { RowCodes } from './row-codes';
import type { DictColumn, SchoolTable } from './school-table';

export interface PackedTable extends Omit<SchoolTable, 'urn' | 'name' | 'missingCodes'> {
  /** URNs and names: here, or sent before the table in parts (see `stringParts`). */
  packed: { urn?: PackedStrings; name?: PackedStrings; missingCodes: PackedCodes[] };
}

/** The URNs and names of rows from `from` on, packed. */
export interface StringsPart {
  from: number;
  urn: PackedStrings;
  name: PackedStrings;
}

/** One column's missing codes: the rows, and each row's code as an index into `codes`. */
interface PackedCodes {
  column: string;
  rows: Int32Array;
  code: Int32Array;
  codes: string[];
}

export interface PackedStrings {
  text: string;
  lengths: Int32Array;
}

function packStrings(list: readonly string[]): PackedStrings {
  return {
    text: list.join(''),
    lengths: Int32Array.from(list, (s) => s.length),
  };
}

export function unpackStrings(p: PackedStrings): string[] {
  const out = new Array<string>(p.lengths.length);
  let at = 0;
  for (let k = 0; k < p.lengths.length; k++) {
    const end = at + (p.lengths[k] as number);
    out[k] = p.text.slice(at, end);
    at = end;
  }
  return out;
}

function packCodes(column: string, byRow: ReadonlyMap<number, string>): PackedCodes {
  const codes: string[] = [];
  const index = new Map<string, number>();
  const rows = new Int32Array(byRow.size);
  const code = new Int32Array(byRow.size);
  let k = 0;
  for (const [row, c] of byRow) {
    let i = index.get(c);
    if (i === undefined) index.set(c, (i = codes.push(c) - 1));
    rows[k] = row;
    code[k++] = i;
  }
  // The page looks rows up by binary search: rows ascending (as tables are built, row by row).
  if (rows.some((r, k) => k > 0 && r < (rows[k - 1] as number))) {
    const order = Array.from(rows.keys()).sort((a, b) => (rows[a] as number) - (rows[b] as number));
    return {
      column,
      rows: Int32Array.from(order, (k) => rows[k] as number),
      code: Int32Array.from(order, (k) => code[k] as number),
      codes,
    };
  }
  return { column, rows, code, codes };
}

function unpackCodes(list: readonly PackedCodes[]): SchoolTable['missingCodes'] {
  return new Map(list.map((p) => [p.column, new RowCodes(p.rows, p.code, p.codes)]));
}

const copyDict = (d: DictColumn): DictColumn => ({ codes: d.codes.slice(), dict: d.dict });
const copyMap = <V extends Float64Array | Uint8Array>(m: Map<string, V>) =>
  new Map([...m].map(([k, v]) => [k, v.slice() as V]));

/**
 * The URNs and names of a table in parts of `rows` rows: sent as messages of their own before
 * the table, each is unpacked by the page in its own task (half a million names unpacked at once
 * held the page's main thread, collection included, for about 0.4 s).
 */
export function stringParts(t: SchoolTable, rows: number): StringsPart[] {
  const out: StringsPart[] = [];
  for (let from = 0; from < t.n; from += rows)
    out.push({
      from,
      urn: packStrings(t.urn.slice(from, from + rows)),
      name: packStrings(t.name.slice(from, from + rows)),
    });
  return out;
}

/**
 * A packed copy of the table, and the buffers to transfer with it; without its URNs and names
 * when they go in parts.
 */
export function packTable(
  t: SchoolTable,
  strings: 'with' | 'without' = 'with',
): { packed: PackedTable; transfer: ArrayBuffer[] } {
  const { urn, name, missingCodes, ...rest } = t;
  const packed: PackedTable = {
    ...rest,
    laCode: copyDict(t.laCode),
    laName: copyDict(t.laName),
    partnership: copyDict(t.partnership),
    year: copyDict(t.year),
    groupings: new Map([...t.groupings].map(([k, d]) => [k, copyDict(d)])),
    numeric: copyMap(t.numeric),
    illustrative: copyMap(t.illustrative),
    phase: t.phase.slice(),
    lat: t.lat.slice(),
    lon: t.lon.slice(),
    packed: {
      ...(strings === 'with' ? { urn: packStrings(urn), name: packStrings(name) } : {}),
      missingCodes: [...missingCodes].map(([c, m]) => packCodes(c, m)),
    },
  };
  const views = [
    packed.laCode.codes,
    packed.laName.codes,
    packed.partnership.codes,
    packed.year.codes,
    ...[...packed.groupings.values()].map((d) => d.codes),
    ...packed.numeric.values(),
    ...packed.illustrative.values(),
    packed.phase,
    packed.lat,
    packed.lon,
    ...(packed.packed.urn ? [packed.packed.urn.lengths] : []),
    ...(packed.packed.name ? [packed.packed.name.lengths] : []),
    ...packed.packed.missingCodes.flatMap((p) => [p.rows, p.code]),
  ];
  return { packed, transfer: views.map((v) => v.buffer as ArrayBuffer) };
}

/** The table again from its packed copy (and its URNs and names, when sent in parts). */
export function unpackTable(
  p: PackedTable,
  strings?: { urn: string[]; name: string[] },
): SchoolTable {
  const { packed, ...rest } = p;
  const urn = packed.urn ? unpackStrings(packed.urn) : strings?.urn;
  const name = packed.name ? unpackStrings(packed.name) : strings?.name;
  if (!urn || !name || urn.length !== p.n || name.length !== p.n)
    throw new Error('the table came without all its URNs and names');
  return { ...rest, urn, name, missingCodes: unpackCodes(packed.missingCodes) };
}
