/**
 * Reads a canonical dataset straight into the engine's columnar table. CSV is scanned once,
 * character by character, each cell going straight into its typed array or dictionary: no row
 * objects, no array per row. The fast path accepts only well-formed files; anything it does not
 * accept (a problem, or a quoting quirk) is read by the full reader (`readCanonicalCsv`), which
 * either gives the same rows or names every problem by row and column. So the errors are the
 * full reader's, and a valid file gives the same table either way (a test holds this).
 */
import { tableFromDataset } from '../domain/table/from-school-years';
import { PLAUSIBLE_RANGE } from '../domain/columns';
import { DictBuilder, PHASE_INDEX, type SchoolTable } from '../domain/table/school-table';
import { NUMERIC_COLUMNS, TEXT_COLUMNS } from '../domain/types';
import { readCanonicalCsv, readCanonicalJson, readPhase, splitList } from './canonical';
import { parseNumericCell } from './cells';

const GROUPING_PREFIX = 'grouping_';
const QUOTE = 34;
const COMMA = 44;
const NL = 10;
const CR = 13;

export function readCanonicalTable(text: string, file: string): SchoolTable {
  if (/^\uFEFF?\s*\{/.test(text)) return tableFromDataset(readCanonicalJson(text, file));
  return (
    scanCanonicalCsv(text.replace(/^\uFEFF/, '')) ?? tableFromDataset(readCanonicalCsv(text, file))
  );
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal ("-12.345") read from the text without making a string: up to 15 significant
 * digits, one division by an exact power of ten, which IEEE arithmetic rounds correctly (the
 * same double Number() gives). NaN for anything else, which the caller reads the slow way.
 */
export function plainDecimal(text: string, start: number, end: number): number {
  let i = start;
  let neg = false;
  const c0 = text.charCodeAt(i);
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    i++;
  }
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (frac >= 0) frac++;
    } else if (c === 46 && frac < 0) frac = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const v = frac > 0 ? m / (POW10[frac] as number) : m;
  return neg ? -v : v;
}

/** A URN of up to 9 digits (no leading zero) as a number, which hashes far faster; else itself. */
function digitsKey(urn: string): string | number {
  if (urn.length === 0 || urn.length > 9 || urn.charCodeAt(0) === 48) return urn;
  let v = 0;
  for (let i = 0; i < urn.length; i++) {
    const c = urn.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return urn;
    v = v * 10 + c;
  }
  return v;
}

// (URN, year) keys: URN x YEAR_KEYS + year code, exact in a double for URNs under 10^9.
const YEAR_KEYS = 4096;

/** Whether a key other than -1 (no numeric key) appears twice. */
function hasRepeat(keys: Float64Array): boolean {
  const sorted = keys.slice().sort();
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i] === sorted[i - 1] && sorted[i] !== -1) return true;
  return false;
}

/** Rows between progress reports: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_ROWS = 1 << 15;

export function scanCanonicalCsv(
  text: string,
  /** Called now and then with the share of the text read (0 to 1). */
  onProgress?: (done: number) => void,
): SchoolTable | undefined {
  const lineEnd = text.search(/\r|\n/);
  const firstLine = lineEnd < 0 ? text : text.slice(0, lineEnd);
  if (firstLine.includes('"')) return undefined;
  const header = firstLine.split(',').map((h) => h.trim());
  if (new Set(header).size !== header.length) return undefined;
  if (TEXT_COLUMNS.some((c) => !header.includes(c))) return undefined;
  // The rows are scanned in the text itself from where they start: a slice of a large string
  // is a "sliced string" in V8, and reading characters through it took twice as long.
  const body = text;
  const bodyStart =
    lineEnd < 0 ? text.length : lineEnd + (text.startsWith('\r\n', lineEnd) ? 2 : 1);
  // Rows: count line breaks for an upper bound, trim typed arrays at the end.
  // Rows: one per line break, plus a last line without one; typed arrays are cut to the rows read.
  const eol = body.includes('\n', bodyStart) ? '\n' : '\r';
  let cap = body.length > bodyStart && !body.endsWith(eol) ? 1 : 0;
  for (let p = body.indexOf(eol, bodyStart); p >= 0; p = body.indexOf(eol, p + 1)) cap++;

  const textSet = new Set<string>(TEXT_COLUMNS);
  const kind = header.map((h) =>
    textSet.has(h)
      ? h
      : h.startsWith(GROUPING_PREFIX)
        ? 'grouping'
        : h === 'notes' || h === 'illustrative' || h === 'lat' || h === 'lon'
          ? h
          : h === ''
            ? 'ignore'
            : 'numeric',
  );
  const numericNames = header.filter((_, c) => kind[c] === 'numeric');
  const extraColumns = numericNames.filter(
    (h) => !(NUMERIC_COLUMNS as readonly string[]).includes(h),
  );
  const numeric = new Map<string, Float64Array>();
  // Columns in the file get every cell written (NaN when empty); others are all missing.
  for (const c of [...NUMERIC_COLUMNS, ...extraColumns])
    numeric.set(c, header.includes(c) ? new Float64Array(cap) : new Float64Array(cap).fill(NaN));
  const lat = new Float64Array(cap).fill(NaN);
  const lon = new Float64Array(cap).fill(NaN);
  const colArrays = header.map((h, c) =>
    kind[c] === 'numeric'
      ? numeric.get(h)
      : kind[c] === 'lat'
        ? lat
        : kind[c] === 'lon'
          ? lon
          : undefined,
  );
  const keepsCodes = header.map((_, c) => kind[c] === 'numeric');
  // A negative count is a problem the full reader names, not a value.
  // A value outside its column's plausible range is a problem the full reader names.
  const lo = Float64Array.from(header, (h, c) =>
    kind[c] === 'numeric' ? (PLAUSIBLE_RANGE[h]?.[0] ?? -Infinity) : -Infinity,
  );
  const hi = Float64Array.from(header, (h, c) =>
    kind[c] === 'numeric' ? (PLAUSIBLE_RANGE[h]?.[1] ?? Infinity) : Infinity,
  );
  const groupingNames = header.map((h, c) =>
    kind[c] === 'grouping' ? h.slice(GROUPING_PREFIX.length) : '',
  );
  const dicts = {
    la_code: new DictBuilder(cap),
    la_name: new DictBuilder(cap),
    partnership: new DictBuilder(cap),
    year: new DictBuilder(cap),
  } as Record<string, DictBuilder>;
  const groupings = new Map(groupingNames.filter(Boolean).map((g) => [g, new DictBuilder(cap)]));
  const t: SchoolTable = {
    n: 0,
    urn: [],
    name: [],
    laCode: dicts.la_code!.build(),
    laName: dicts.la_name!.build(),
    phase: new Uint8Array(cap),
    partnership: dicts.partnership!.build(),
    year: dicts.year!.build(),
    groupings: new Map(),
    numeric,
    missingCodes: new Map(),
    illustrative: new Map(),
    lat,
    lon,
    notes: new Map(),
    valueDates: new Map(),
    extraColumns,
  };
  const urnYear = new Float64Array(cap);
  const otherPairs = new Set<string>();
  const textIndex = Object.fromEntries(TEXT_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof TEXT_COLUMNS)[number],
    number
  >;
  // Text cells wait for the end of their row (a blank row, allowed only at the end, writes
  // nothing), kept as ranges of the text: a value repeating the row before (the authority, the
  // year, the phase...) is recognised without making a string.
  const rowStart = new Int32Array(header.length);
  const rowEnd = new Int32Array(header.length);
  const rowQuoted: (string | undefined)[] = new Array<string | undefined>(header.length);
  const cellText = (c: number): string =>
    (rowQuoted[c] ?? body.slice(rowStart[c], rowEnd[c])).trim();
  const toDict = (b: DictBuilder, c: number): number => {
    const s0 = rowStart[c] as number;
    const e0 = rowEnd[c] as number;
    // Only a range with no space (or other character trim might drop) at either end.
    const a = body.charCodeAt(s0);
    const z = body.charCodeAt(e0 - 1);
    const plain = s0 === e0 || (a > 32 && a < 127 && z > 32 && z < 127);
    if (rowQuoted[c] === undefined && plain && b.repeats(body, s0, e0)) return b.repeat(r);
    return b.set(r, cellText(c));
  };
  // Columns finishRow reads beyond the fixed text ones.
  const rowExtras = header.flatMap((_, c) =>
    kind[c] === 'grouping' || kind[c] === 'notes' || kind[c] === 'illustrative' ? [c] : [],
  );
  const phaseText = new DictBuilder(0);
  const phaseOf: (number | undefined)[] = [];
  let r = 0;
  let blankRows = 0;
  let rowBlank = true;
  const finishRow = (): boolean => {
    const urn = cellText(textIndex.urn);
    const yearCode = toDict(dicts.year!, textIndex.year);
    const year = dicts.year!.dict[yearCode] as string;
    const laCode = dicts.la_code!.dict[toDict(dicts.la_code!, textIndex.la_code)] as string;
    const pc = toDict(phaseText, textIndex.phase);
    if (pc === phaseOf.length) {
      const p = readPhase(phaseText.dict[pc] as string);
      phaseOf.push(p === undefined ? undefined : PHASE_INDEX.get(p));
    }
    const phase = phaseOf[pc];
    if (!urn || !year || !laCode || phase === undefined) return false;
    // Duplicates (a URN twice in one year): a URN of digits is checked after the scan, by sorting
    // numeric (URN, year) keys, which is far faster than a hash of every row; any other URN here.
    const key = digitsKey(urn);
    if (typeof key === 'number') urnYear[r] = key * YEAR_KEYS + yearCode;
    else {
      urnYear[r] = -1;
      const pair = `${urn}\u0000${year}`;
      if (otherPairs.has(pair)) return false;
      otherPairs.add(pair);
    }
    t.urn[r] = urn;
    t.name[r] = cellText(textIndex.name);
    t.phase[r] = phase;
    toDict(dicts.la_name!, textIndex.la_name);
    toDict(dicts.partnership!, textIndex.partnership);
    for (const c of rowExtras) {
      switch (kind[c]) {
        case 'grouping':
          toDict(groupings.get(groupingNames[c] as string)!, c);
          break;
        case 'notes': {
          const v = cellText(c);
          if (v) t.notes.set(r, splitList(v));
          break;
        }
        case 'illustrative': {
          const v = cellText(c);
          for (const col of v ? splitList(v) : []) {
            let f = t.illustrative.get(col);
            if (!f) t.illustrative.set(col, (f = new Uint8Array(cap)));
            f[r] = 1;
          }
          break;
        }
      }
    }
    return true;
  };
  const numericCell = (raw: string, arr: Float64Array, c: number): boolean => {
    const cell = parseNumericCell(raw);
    if (cell.kind === 'invalid') return false;
    if (cell.kind === 'value' && !(cell.value >= lo[c]! && cell.value <= hi[c]!)) return false;
    arr[r] = cell.kind === 'value' ? cell.value : NaN;
    if (cell.kind === 'missing' && cell.code && keepsCodes[c]) {
      const name = header[c] as string;
      let m = t.missingCodes.get(name);
      if (!m) t.missingCodes.set(name, (m = new Map()));
      m.set(r, cell.code);
    }
    return true;
  };
  // One loop over the characters, no callbacks: each plain numeric cell is read as a decimal
  // while its end is found (a cell that is not a plain decimal, e.g. SUPP or 12%, is then read
  // the slow way); a text cell is kept as a range of the text until its row ends.
  const width = header.length;
  const n = body.length;
  let i = bodyStart;
  let k = 0;
  let ok = true;
  scan: while (i < n) {
    if (k >= width) {
      ok = false;
      break;
    }
    const arr = colArrays[k];
    if (body.charCodeAt(i) === QUOTE) {
      let j = i + 1;
      let escaped = false;
      let value: string;
      for (;;) {
        const q = body.indexOf('"', j);
        if (q < 0) {
          ok = false;
          break scan;
        }
        if (body.charCodeAt(q + 1) === QUOTE) {
          escaped = true;
          j = q + 2;
          continue;
        }
        value = body.slice(i + 1, q);
        if (escaped) value = value.replace(/""/g, '"');
        i = q + 1;
        break;
      }
      const c = body.charCodeAt(i);
      if (i < n && c !== COMMA && c !== NL && c !== CR) {
        ok = false;
        break;
      }
      if (value !== '') rowBlank = false;
      if (!arr) rowQuoted[k] = value;
      else if (!numericCell(value, arr, k)) {
        ok = false;
        break;
      }
    } else if (arr) {
      // A plain decimal: sign, up to 15 digits, one point (as plainDecimal).
      const start = i;
      let j = i;
      let c = body.charCodeAt(j);
      let neg = false;
      if (c === 45 || c === 43) {
        neg = c === 45;
        c = body.charCodeAt(++j);
      }
      let m = 0;
      let digits = 0;
      let frac = -1;
      let plain = true;
      for (; j < n; c = body.charCodeAt(++j)) {
        if (c >= 48 && c <= 57) {
          m = m * 10 + (c - 48);
          digits++;
          if (frac >= 0) frac++;
        } else if (c === COMMA || c === NL || c === CR) break;
        else if (c === 46 && frac < 0) frac = 0;
        else if (c === QUOTE) {
          ok = false;
          break scan;
        } else plain = false;
      }
      i = j;
      if (j === start) arr[r] = NaN;
      else {
        rowBlank = false;
        if (plain && digits > 0 && digits <= 15) {
          const v = (frac > 0 ? m / (POW10[frac] as number) : m) * (neg ? -1 : 1);
          if (!(v >= lo[k]! && v <= hi[k]!)) {
            ok = false;
            break;
          }
          arr[r] = v;
        } else if (!numericCell(body.slice(start, j), arr, k)) {
          ok = false;
          break;
        }
      }
    } else {
      let j = i;
      for (; j < n; j++) {
        const c = body.charCodeAt(j);
        if (c === COMMA || c === NL || c === CR) break;
        if (c === QUOTE) {
          ok = false;
          break scan;
        }
      }
      if (j > i) rowBlank = false;
      rowStart[k] = i;
      rowEnd[k] = j;
      rowQuoted[k] = undefined;
      i = j;
    }
    k++;
    const c = body.charCodeAt(i);
    if (c === COMMA) {
      i++;
      if (i < n) continue;
      // A comma ending the text: one more (empty) cell.
      if (k >= width) {
        ok = false;
        break;
      }
      const last = colArrays[k];
      if (last) last[r] = NaN;
      else {
        rowStart[k] = rowEnd[k] = 0;
        rowQuoted[k] = undefined;
      }
      k++;
    } else {
      if (c === CR && body.charCodeAt(i + 1) === NL) i++;
      i++;
    }
    // The row ends.
    if (rowBlank) blankRows++;
    else if (blankRows > 0 || k !== width || !finishRow()) {
      ok = false;
      break;
    } else {
      r++;
      rowBlank = true;
      if (onProgress && (r & (PROGRESS_ROWS - 1)) === 0) onProgress(i / n);
    }
    k = 0;
  }
  if (!ok || hasRepeat(urnYear.subarray(0, r)) || dicts.year!.dict.length > YEAR_KEYS)
    return undefined;
  t.n = r;
  // Trailing blank lines leave spare room: cut (a copy, so no buffer holds dead rows).
  const cut = <T extends Float64Array | Uint8Array | Int32Array>(a: T) =>
    (a.length === r ? a : a.slice(0, r)) as T;
  for (const [k, v] of numeric) numeric.set(k, cut(v));
  for (const [k, v] of t.illustrative) t.illustrative.set(k, cut(v));
  t.phase = cut(t.phase);
  t.lat = cut(t.lat);
  t.lon = cut(t.lon);
  const dictOf = (b: DictBuilder) => ({ codes: cut(b.codes), dict: b.dict });
  t.laCode = dictOf(dicts.la_code!);
  t.laName = dictOf(dicts.la_name!);
  t.partnership = dictOf(dicts.partnership!);
  t.year = dictOf(dicts.year!);
  // A grouping column with no value anywhere is no grouping (as the row reader has it).
  for (const [g, b] of groupings) if (b.dict.some((v) => v !== '')) t.groupings.set(g, dictOf(b));
  return t;
}
