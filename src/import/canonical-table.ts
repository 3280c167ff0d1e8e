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
import { DictBuilder } from '../domain/table/dict-builder';
import { PHASE_INDEX, type SchoolTable } from '../domain/table/school-table';
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

/** Keys up to this many are checked with one bit each (2 MB); larger ones by sorting. */
const BITMAP_KEYS = 1 << 24;

/** Whether a key other than -1 (no numeric key) appears twice; `years` codes are in use. */
function hasRepeat(keys: Float64Array, years: number): boolean {
  let max = -1;
  for (let i = 0; i < keys.length; i++) if ((keys[i] as number) > max) max = keys[i] as number;
  // URNs are six digits and a file holds a few years: URN x years + year fits a bitmap, and
  // one pass over it is several times faster than sorting the keys.
  if (Math.floor(max / YEAR_KEYS) * years + years < BITMAP_KEYS) {
    const seen = new Uint8Array((Math.floor(max / YEAR_KEYS) * years + years) / 8 + 1);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as number;
      if (k < 0) continue;
      const key = Math.floor(k / YEAR_KEYS) * years + (k % YEAR_KEYS);
      const bit = 1 << (key & 7);
      if ((seen[key >> 3] as number) & bit) return true;
      seen[key >> 3] = (seen[key >> 3] as number) | bit;
    }
    return false;
  }
  const sorted = keys.slice().sort();
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i] === sorted[i - 1] && sorted[i] !== -1) return true;
  return false;
}

/** Where `char` next occurs in text[from, n), or n when it does not. */
function nextOf(text: string, char: string, from: number, n: number): number {
  const p = text.indexOf(char, from);
  return p < 0 || p > n ? n : p;
}

/** Rows between progress reports: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_ROWS = 1 << 15;

/** Line breaks in text[from, to): a bound on the rows there. */
function countBreaks(text: string, eol: string, from: number, to: number): number {
  let count = 0;
  for (let p = text.indexOf(eol, from); p >= 0 && p < to; p = text.indexOf(eol, p + 1)) count++;
  return count;
}

/**
 * Where the complete rows of text[from..] end: just after its last line break outside a quoted
 * cell (a cell may hold a line break), never between the \r and \n of one break; `from` when
 * no row is complete. text[from] must start a row.
 */
function completeRowsEnd(text: string, from: number): number {
  const lf = text.lastIndexOf('\n');
  let p = lf >= from ? lf : text.lastIndexOf('\r', text.length - 2);
  while (p >= from) {
    // Quotes before p: an odd count means p is inside a quoted cell.
    let quotes = 0;
    let open = -1;
    for (let q = text.indexOf('"', from); q >= 0 && q < p; q = text.indexOf('"', q + 1))
      if (++quotes % 2 === 1) open = q;
    if (quotes % 2 === 0) return p + 1;
    p = Math.max(text.lastIndexOf('\n', open), lf >= from ? -1 : text.lastIndexOf('\r', open));
  }
  return from;
}

/**
 * Where, in `next`, the row that `part` begins ends (just after its line break), or -1 when it
 * does not end there (or may end with a \n still to come).
 */
function rowEndIn(part: string, next: string): number {
  let open = false;
  for (let q = part.indexOf('"'); q >= 0; q = part.indexOf('"', q + 1)) open = !open;
  for (let i = 0; i < next.length; i++) {
    const c = next.charCodeAt(i);
    if (c === QUOTE) open = !open;
    else if (!open && c === NL) return i + 1;
    else if (!open && c === CR)
      return i + 1 >= next.length ? -1 : next.charCodeAt(i + 1) === NL ? i + 2 : i + 1;
  }
  return -1;
}

/**
 * A copy of each string that shares nothing with the text it was cut from. A string cut from a
 * large one (a name from a 4 MB piece of the file) keeps all of it alive in V8; joined, the
 * strings make one new string of their own, and pieces cut from that keep only it.
 */
function detached(strings: readonly string[]): string[] {
  const pool = strings.join('\u0000');
  const out = new Array<string>(strings.length);
  let at = 0;
  for (let k = 0; k < strings.length; k++) {
    const len = (strings[k] as string).length;
    out[k] = pool.slice(at, at + len);
    at += len + 1;
  }
  return out;
}

/** Reads a canonical CSV into the table, a piece at a time (see `scanCanonicalCsv`). */
export interface CanonicalScanner {
  /** Reads the complete rows of the next piece of the file; false once the fast path gives up. */
  push(text: string): boolean;
  /** Reads what is left and gives the table, or undefined when the fast path gives up. */
  end(): SchoolTable | undefined;
}

export interface ScannerOptions {
  /** Rows expected (room is made for these at once, and grown when there are more). */
  rows?: number;
  /** Called now and then with the share of one pushed text read (0 to 1). */
  onProgress?: (done: number) => void;
  /** Pieces are parts of one file read in turn: keep no string that holds on to a piece. */
  pieces?: boolean;
}

/** Builds the scanner from the header, once the first line has come. */
function scannerFor(header: string[], opts: ScannerOptions) {
  const onProgress = opts.onProgress;
  let cap = Math.max(16, opts.rows ?? 0);
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
  const inFile = new Set(header);
  for (const c of [...NUMERIC_COLUMNS, ...extraColumns])
    numeric.set(c, inFile.has(c) ? new Float64Array(cap) : new Float64Array(cap).fill(NaN));
  let lat = new Float64Array(cap).fill(NaN);
  let lon = new Float64Array(cap).fill(NaN);
  const arrayOf = (c: number) =>
    kind[c] === 'numeric'
      ? numeric.get(header[c] as string)
      : kind[c] === 'lat'
        ? lat
        : kind[c] === 'lon'
          ? lon
          : undefined;
  let colArrays = header.map((_, c) => arrayOf(c));
  const keepsCodes = header.map((_, c) => kind[c] === 'numeric');
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
  const missingCodes = new Map<string, Map<number, string>>();
  const t: SchoolTable = {
    n: 0,
    urn: new Array<string>(cap),
    name: new Array<string>(cap),
    laCode: dicts.la_code!.build(),
    laName: dicts.la_name!.build(),
    phase: new Uint8Array(cap),
    partnership: dicts.partnership!.build(),
    year: dicts.year!.build(),
    groupings: new Map(),
    numeric,
    missingCodes,
    illustrative: new Map(),
    lat,
    lon,
    notes: new Map(),
    valueDates: new Map(),
    extraColumns,
  };
  let urnYear = new Float64Array(cap);
  const otherPairs = new Set<string>();
  const textIndex = Object.fromEntries(TEXT_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof TEXT_COLUMNS)[number],
    number
  >;
  const phaseText = new DictBuilder(0);
  const phaseOf: (number | undefined)[] = [];
  const allDicts = [...Object.values(dicts), ...groupings.values(), phaseText];

  /** Room for `rows` rows in every per-row array (grown by half again, at least). */
  const ensure = (rows: number) => {
    if (rows <= cap) return;
    const next = Math.max(rows, Math.ceil(cap * 1.5));
    const grow = <T extends Float64Array | Uint8Array>(a: T, fill?: number): T => {
      const b = new (a.constructor as new (n: number) => T)(next);
      b.set(a);
      if (fill !== undefined) b.fill(fill, cap);
      return b;
    };
    for (const [c, a] of numeric) numeric.set(c, grow(a, inFile.has(c) ? undefined : NaN));
    for (const [c, a] of t.illustrative) t.illustrative.set(c, grow(a));
    t.lat = lat = grow(lat, NaN);
    t.lon = lon = grow(lon, NaN);
    t.phase = grow(t.phase);
    urnYear = grow(urnYear);
    for (const b of allDicts) if (b !== phaseText) b.grow(next);
    colArrays = header.map((_, c) => arrayOf(c));
    cap = next;
  };

  // Text cells wait for the end of their row (a blank row, allowed only at the end, writes
  // nothing), kept as ranges of the text: a value repeating the row before (the authority, the
  // year, the phase...) is recognised without making a string.
  const rowStart = new Int32Array(header.length);
  const rowEnd = new Int32Array(header.length);
  const rowQuoted: (string | undefined)[] = new Array<string | undefined>(header.length);
  const groupingColumns = header.flatMap((_, c) => (kind[c] === 'grouping' ? [c] : []));
  // Dictionary cells finishRow sets without reading back: the authority's name, the
  // partnership and every grouping.
  const moreDicts = [
    dicts.la_name!,
    dicts.partnership!,
    ...groupingColumns.map((c) => groupings.get(groupingNames[c] as string) as DictBuilder),
  ];
  const moreDictColumns = [textIndex.la_name, textIndex.partnership, ...groupingColumns];
  const rowNotes = header.flatMap((_, c) =>
    kind[c] === 'notes' || kind[c] === 'illustrative' ? [c] : [],
  );
  let r = 0;
  let blankRows = 0;
  let rowBlank = true;

  /**
   * Scans the rows of body[from, n): whole rows, each ending with a line break except perhaps
   * the file's last. False when the fast path gives up.
   */
  function scan(body: string, from: number, n: number): boolean {
    const cellText = (c: number): string =>
      (rowQuoted[c] ?? body.slice(rowStart[c], rowEnd[c])).trim();
    const toDict = (b: DictBuilder, c: number): number => {
      const s0 = rowStart[c] as number;
      const e0 = rowEnd[c] as number;
      // Only a range with no space (or other character trim might drop) at either end.
      const a = body.charCodeAt(s0);
      const z = body.charCodeAt(e0 - 1);
      const plain = s0 === e0 || (a > 32 && a < 127 && z > 32 && z < 127);
      if (rowQuoted[c] === undefined && plain) return b.setRange(r, body, s0, e0);
      return b.set(r, cellText(c));
    };
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
      // Duplicates (a URN twice in one year): a URN of digits is checked after the scan, by
      // sorting numeric (URN, year) keys, which is far faster than a hash of every row; any
      // other URN here.
      const key = digitsKey(urn);
      if (typeof key === 'number') urnYear[r] = key * YEAR_KEYS + yearCode;
      else {
        urnYear[r] = -1;
        // Read in pieces, the pair is copied: built from the URN cut from a piece, it would
        // keep the piece alive.
        const joined = `${urn}\u0000${year}`;
        const pair = opts.pieces ? (detached([joined])[0] as string) : joined;
        if (otherPairs.has(pair)) return false;
        otherPairs.add(pair);
      }
      t.urn[r] = urn;
      t.name[r] = cellText(textIndex.name);
      t.phase[r] = phase;
      // The row's other dictionary cells from one call site (the optimiser inlines it once).
      for (let j = 0; j < moreDicts.length; j++)
        toDict(moreDicts[j] as DictBuilder, moreDictColumns[j] as number);
      for (const c of rowNotes) {
        switch (kind[c]) {
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
        let m = missingCodes.get(name);
        if (!m) missingCodes.set(name, (m = new Map()));
        m.set(r, cell.code);
      }
      return true;
    };
    // One loop over the characters, no callbacks: each plain numeric cell is read as a decimal
    // while its end is found (a cell that is not a plain decimal, e.g. SUPP or 12%, is then read
    // the slow way); a text cell is kept as a range of the text until its row ends.
    const width = header.length;
    let nextNl = -1;
    let nextCr = -1;
    let nextQuote = -1;
    let i = from;
    let k = 0;
    while (i < n) {
      if (k >= width) return false;
      // Room is made before each piece from its line breaks; this is the guard, not the way.
      if (k === 0 && r >= cap) ensure(r + 1);
      const arr = colArrays[k];
      const c0 = body.charCodeAt(i);
      // An empty cell before the row's last (about half the cells of a national file).
      if (c0 === COMMA && k + 1 < width && i + 1 < n) {
        if (arr) arr[r] = NaN;
        else {
          rowStart[k] = rowEnd[k] = i;
          rowQuoted[k] = undefined;
        }
        k++;
        i++;
        continue;
      }
      if (c0 === QUOTE) {
        let j = i + 1;
        let escaped = false;
        let value: string;
        for (;;) {
          const q = body.indexOf('"', j);
          if (q < 0 || q >= n) return false;
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
        if (i < n && c !== COMMA && c !== NL && c !== CR) return false;
        if (value !== '') rowBlank = false;
        if (!arr) rowQuoted[k] = value;
        else if (!numericCell(value, arr, k)) return false;
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
          else if (c === QUOTE) return false;
          else plain = false;
        }
        i = j;
        if (j === start) arr[r] = NaN;
        else {
          rowBlank = false;
          if (plain && digits > 0 && digits <= 15) {
            const v = (frac > 0 ? m / (POW10[frac] as number) : m) * (neg ? -1 : 1);
            if (!(v >= lo[k]! && v <= hi[k]!)) return false;
            arr[r] = v;
          } else if (!numericCell(body.slice(start, j), arr, k)) return false;
        }
      } else {
        // A text cell ends at the next comma or line break. Most are short and found by this
        // loop; for a long one (a name) the engine's indexOf is faster, with the next quote and
        // line breaks kept between cells, so each is searched for once per occurrence.
        let j = i;
        const short = Math.min(n, i + 16);
        for (; j < short; j++) {
          const c = body.charCodeAt(j);
          if (c === COMMA || c === NL || c === CR) break;
          if (c === QUOTE) return false;
        }
        if (j === short && j < n) {
          if (nextNl < j) nextNl = nextOf(body, '\n', j, n);
          if (nextCr < j) nextCr = nextOf(body, '\r', j, n);
          if (nextQuote < j) nextQuote = nextOf(body, '"', j, n);
          j = nextOf(body, ',', j, n);
          if (nextNl < j) j = nextNl;
          if (nextCr < j) j = nextCr;
          if (nextQuote < j) return false;
        }
        if (j > i) rowBlank = false;
        rowStart[k] = i;
        rowEnd[k] = j;
        rowQuoted[k] = undefined;
        i = j;
      }
      k++;
      const c = i < n ? body.charCodeAt(i) : NaN;
      if (c === COMMA) {
        i++;
        if (i < n) continue;
        // A comma ending the text: one more (empty) cell.
        if (k >= width) return false;
        const last = colArrays[k];
        if (last) last[r] = NaN;
        else {
          rowStart[k] = rowEnd[k] = 0;
          rowQuoted[k] = undefined;
        }
        k++;
      } else {
        if (c === CR && body.charCodeAt(i + 1) === NL && i + 1 < n) i++;
        i++;
      }
      // The row ends.
      if (rowBlank) blankRows++;
      else if (blankRows > 0 || k !== width || !finishRow()) return false;
      else {
        r++;
        rowBlank = true;
        if (onProgress && (r & (PROGRESS_ROWS - 1)) === 0) onProgress(i / n);
      }
      k = 0;
    }
    return true;
  }

  /** Strings of rows from `row` and new dictionary values: copies that keep no piece alive. */
  const detachFrom = (row: number, dictSizes: number[]) => {
    for (const list of [t.name, t.urn]) {
      // V8 copies a string under 13 characters when it is cut: only longer ones share.
      const at: number[] = [];
      for (let k = row; k < r; k++) if ((list[k] as string).length >= 13) at.push(k);
      const copies = detached(at.map((k) => list[k] as string));
      at.forEach((k, c) => (list[k] = copies[c] as string));
    }
    for (const [at, list] of t.notes) if (at >= row) t.notes.set(at, detached(list));
    allDicts.forEach((b, k) => b.detach(dictSizes[k] as number, detached));
  };

  return {
    /**
     * Scans body[from, n) (see scan), making room for its rows first: one per line break, and
     * one more when it is the file's `last` text (a final row may have no line break).
     */
    read(body: string, from: number, n: number, eol: string, last: boolean): boolean {
      ensure(r + countBreaks(body, eol, from, n) + (last ? 1 : 0));
      const row = r;
      const sizes = allDicts.map((b) => b.dict.length);
      if (!scan(body, from, n)) return false;
      if (opts.pieces) detachFrom(row, sizes);
      return true;
    },
    /** The table, once every row is read; undefined for a repeated (URN, year). */
    table(): SchoolTable | undefined {
      if (
        hasRepeat(urnYear.subarray(0, r), dicts.year!.dict.length) ||
        dicts.year!.dict.length > YEAR_KEYS
      )
        return undefined;
      t.n = r;
      // Room made for rows the file did not have is given back.
      t.urn.length = r;
      t.name.length = r;
      // Spare room is cut: a view when it is small (a copy of a large table would double it for
      // a moment), else a copy, so no buffer holds many dead rows.
      const cut = <T extends Float64Array | Uint8Array | Int32Array>(a: T) =>
        (a.length === r ? a : a.length - r <= a.length / 8 ? a.subarray(0, r) : a.slice(0, r)) as T;
      for (const [k, v] of numeric) numeric.set(k, cut(v));
      for (const [k, v] of t.illustrative) t.illustrative.set(k, cut(v));
      t.phase = cut(t.phase);
      t.lat = cut(lat);
      t.lon = cut(lon);
      const dictOf = (b: DictBuilder) => ({ codes: cut(b.codes), dict: b.dict });
      t.laCode = dictOf(dicts.la_code!);
      t.laName = dictOf(dicts.la_name!);
      t.partnership = dictOf(dicts.partnership!);
      t.year = dictOf(dicts.year!);
      // A grouping column with no value anywhere is no grouping (as the row reader has it).
      for (const [g, b] of groupings)
        if (b.dict.some((v) => v !== '')) t.groupings.set(g, dictOf(b));
      return t;
    },
  };
}

/** The header of a canonical CSV, or undefined when the fast path does not take it. */
function fastHeader(firstLine: string): string[] | undefined {
  if (firstLine.includes('"')) return undefined;
  const header = firstLine.split(',').map((h) => h.trim());
  if (new Set(header).size !== header.length) return undefined;
  if (TEXT_COLUMNS.some((c) => !header.includes(c))) return undefined;
  return header;
}

/**
 * A scanner fed a file a piece at a time (each piece as decoded, in order), so a large file is
 * never one string: memory holds the table, one piece and the part row it ends with. A piece is
 * scanned where it lies (joining it to the part row before would copy it): that row is finished
 * on its own first.
 */
export function canonicalScanner(opts: ScannerOptions = {}): CanonicalScanner {
  let rest = '';
  let eol = '';
  let scanner: ReturnType<typeof scannerFor> | undefined;
  let failed = false;
  /** Reads the header; the index its rows start at, or -1 to wait for more text. */
  const start = (text: string): number => {
    const bom = text.startsWith('\uFEFF') ? 1 : 0;
    const lineEnd = text.slice(bom).search(/\r|\n/) + bom;
    // No line break yet, or a \r that may be the first half of a \r\n: wait for more.
    if (lineEnd < bom || lineEnd === text.length - 1) return -1;
    const header = fastHeader(text.slice(bom, lineEnd));
    if (!header) {
      failed = true;
      return -1;
    }
    eol = text.charCodeAt(lineEnd) === CR && text.charCodeAt(lineEnd + 1) !== NL ? '\r' : '\n';
    scanner = scannerFor(header, { ...opts, pieces: true });
    return lineEnd + (text.startsWith('\r\n', lineEnd) ? 2 : 1);
  };
  const fail = () => {
    failed = true;
    return false;
  };
  return {
    push(piece) {
      if (failed) return false;
      let text = piece;
      let from = 0;
      if (!scanner) {
        text = rest + piece;
        rest = '';
        from = start(text);
        if (failed) return false;
        if (from < 0) {
          rest = text;
          return true;
        }
      } else if (rest) {
        const end = rowEndIn(rest, piece);
        // A row longer than a piece (rare): wait for the rest of it.
        if (end < 0) {
          rest += piece;
          return true;
        }
        const row = rest + piece.slice(0, end);
        rest = '';
        if (!scanner.read(row, 0, row.length, eol, false)) return fail();
        from = end;
      }
      const cut = completeRowsEnd(text, from);
      if (cut > from && !scanner!.read(text, from, cut, eol, false)) return fail();
      rest = text.slice(cut);
      return true;
    },
    end() {
      if (failed) return undefined;
      if (!scanner) {
        const text = `${rest}\n`;
        const from = start(text);
        if (failed || from < 0) return undefined;
        rest = text.slice(from);
      }
      if (rest && !scanner!.read(rest, 0, rest.length, eol, true)) return undefined;
      rest = '';
      return scanner!.table();
    },
  };
}

export function scanCanonicalCsv(
  text: string,
  /** Called now and then with the share of the text read (0 to 1). */
  onProgress?: (done: number) => void,
): SchoolTable | undefined {
  const lineEnd = text.search(/\r|\n/);
  const header = fastHeader(lineEnd < 0 ? text : text.slice(0, lineEnd));
  if (!header) return undefined;
  // The rows are scanned in the text itself from where they start: a slice of a large string
  // is a "sliced string" in V8, and reading characters through it took twice as long.
  const bodyStart =
    lineEnd < 0 ? text.length : lineEnd + (text.startsWith('\r\n', lineEnd) ? 2 : 1);
  // Rows: one per line break, plus a last line without one; typed arrays are cut to the rows read.
  const eol = text.includes('\n', bodyStart) ? '\n' : '\r';
  const s = scannerFor(header, {
    rows: countBreaks(text, eol, bodyStart, text.length) + 1,
    ...(onProgress ? { onProgress } : {}),
  });
  return s.read(text, bodyStart, text.length, eol, true) ? s.table() : undefined;
}
