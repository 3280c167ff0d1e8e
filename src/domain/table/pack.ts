/**
 * A table packed to cross between threads cheaply: its typed arrays copied (the sender keeps its
 * own) so their buffers can be transferred, its URNs and names among them (they are bytes; see
 * TextColumn), its DfE missing codes as arrays. Cloning half a million strings and Map entries
 * one by one took the page's main thread over a second for a 100 MB file; buffers cross at once.
 */
import { RowCodes } from './row-codes';
import type { DictColumn, SchoolTable } from './school-table';
import type { TextColumn } from './text-column';

export interface PackedTable extends Omit<SchoolTable, 'missingCodes'> {
  packed: { missingCodes: PackedCodes[] };
}

/** One column's missing codes: the rows, and each row's code as an index into `codes`. */
interface PackedCodes {
  column: string;
  rows: Int32Array;
  code: Int32Array;
  codes: string[];
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
const copyText = (c: TextColumn): TextColumn => ({ bytes: c.bytes.slice(), ends: c.ends.slice() });
const copyMap = <V extends Float64Array | Uint8Array>(m: Map<string, V>) =>
  new Map([...m].map(([k, v]) => [k, v.slice() as V]));

/** A packed copy of the table, and the buffers to transfer with it. */
export function packTable(t: SchoolTable): { packed: PackedTable; transfer: ArrayBuffer[] } {
  const { missingCodes, ...rest } = t;
  const packed: PackedTable = {
    ...rest,
    urn: copyText(t.urn),
    name: copyText(t.name),
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
    packed: { missingCodes: [...missingCodes].map(([c, m]) => packCodes(c, m)) },
  };
  const views = [
    packed.urn.bytes,
    packed.urn.ends,
    packed.name.bytes,
    packed.name.ends,
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
    ...packed.packed.missingCodes.flatMap((p) => [p.rows, p.code]),
  ];
  return { packed, transfer: views.map((v) => v.buffer as ArrayBuffer) };
}

/** The table again from its packed copy. */
export function unpackTable(p: PackedTable): SchoolTable {
  const { packed, ...rest } = p;
  return { ...rest, missingCodes: unpackCodes(packed.missingCodes) };
}
