/**
 * Reads a canonical dataset straight into the engine's columnar table. A CSV is scanned once in
 * its UTF-8 bytes (as the worker and the CLI read it: no decoding of the whole file, and a byte
 * is read faster than a character), each cell going straight into its typed array or
 * dictionary: no row objects, no array per row, and a string made only for a URN, a name or a
 * value its dictionary has not seen. The fast path accepts only well-formed UTF-8 files;
 * anything it does not accept (a problem, a quoting quirk, another encoding) is read by the full
 * reader (`readCanonicalCsv`), which either gives the same rows or names every problem by row
 * and column. So the errors are the full reader's, and a valid file gives the same table either
 * way (a test holds this).
 */
import { tableFromDataset } from '../domain/table/from-school-years';
import { PLAUSIBLE_RANGE } from '../domain/columns';
import { ByteDictBuilder, decodeUtf8, NotUtf8 } from '../domain/table/dict-builder';
import { PHASE_INDEX, type SchoolTable } from '../domain/table/school-table';
import { NUMERIC_COLUMNS, TEXT_COLUMNS } from '../domain/types';
import { readCanonicalCsv, readCanonicalJson, readPhase, splitList } from './canonical';
import { CellPool } from './cell-pool';
import { parseNumericCell } from './cells';
import { decodeBytes } from './decode';

const GROUPING_PREFIX = 'grouping_';
const QUOTE = 34;
const COMMA = 44;
const NL = 10;
const CR = 13;
const BOM = [0xef, 0xbb, 0xbf];

const encoder = new TextEncoder();

/**
 * Bytes as a plain Uint8Array: a Node Buffer is a subclass whose subarray() makes a Buffer
 * (several times slower), and one element type keeps the scanning loop's reads monomorphic.
 */
const plainBytes = (input: string | Uint8Array): Uint8Array =>
  typeof input === 'string'
    ? encoder.encode(input)
    : input.constructor === Uint8Array
      ? input
      : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);

/** Bytes after a UTF-8 byte-order mark, if the bytes start with one. */
export const bomLength = (b: Uint8Array) =>
  b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;

/** A canonical dataset from its text or its bytes (JSON or CSV, in any encoding decodeBytes reads). */
export function readCanonicalTable(input: string | Uint8Array, file: string): SchoolTable {
  const bytes = plainBytes(input);
  const text = () => (typeof input === 'string' ? input : decodeBytes(input).text);
  let at = bomLength(bytes);
  while (at < bytes.length && (bytes[at] as number) <= 32) at++;
  if (bytes[at] === 0x7b /* { */) return tableFromDataset(readCanonicalJson(text(), file));
  return scanCanonicalCsv(bytes) ?? tableFromDataset(readCanonicalCsv(text(), file));
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A plain decimal ("-12.345") read from bytes[start, end): up to 15 significant digits, one
 * division by an exact power of ten, which IEEE arithmetic rounds correctly (the same double
 * Number() gives). NaN for anything else, which the caller reads the slow way. The scanner reads
 * numeric cells this way in its own loop (finding the cell's end as it goes); this is its
 * reference, tested against Number().
 */
export function plainDecimal(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let neg = false;
  const c0 = bytes[i];
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    i++;
  }
  let m = 0;
  let digits = 0;
  let frac = -1;
  for (; i < end; i++) {
    const c = bytes[i] as number;
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

/** digitsKey of the bytes[start, end) of a plain cell, or -1 when it is not such a URN. */
function digitsKeyOf(bytes: Uint8Array, start: number, end: number): number {
  if (end === start || end - start > 9 || bytes[start] === 48) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = (bytes[i] as number) - 48;
    if (c < 0 || c > 9) return -1;
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

/** Rows between progress reports: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_ROWS = 1 << 15;

/** Bytes looked at to guess how many rows a file has. */
const SAMPLE = 1 << 16;

/**
 * Rows a file of `size` bytes likely has, from the line breaks in its first bytes, a little
 * over (room for more is made if needed; spare room is given back at the end).
 */
export function rowsToExpect(sample: Uint8Array, size: number): number {
  const part = sample.subarray(0, Math.min(sample.length, SAMPLE));
  let lines = 0;
  let cr = 0;
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === NL) lines++;
    else if (c === CR) cr++;
  }
  return Math.ceil(((lines || cr) * size * 1.05) / Math.max(1, part.length)) + 16;
}

/**
 * Where the complete rows of bytes[from..] end: just after its last line break outside a quoted
 * cell (a cell may hold a line break), never between the \r and \n of one break; `from` when
 * no row is complete. bytes[from] must start a row.
 */
function completeRowsEnd(bytes: Uint8Array, from: number): number {
  const lf = bytes.lastIndexOf(NL);
  let p = lf >= from ? lf : bytes.lastIndexOf(CR, bytes.length - 2);
  while (p >= from) {
    // Quotes before p: an odd count means p is inside a quoted cell.
    let quotes = 0;
    let open = -1;
    for (let q = bytes.indexOf(QUOTE, from); q >= 0 && q < p; q = bytes.indexOf(QUOTE, q + 1))
      if (++quotes % 2 === 1) open = q;
    if (quotes % 2 === 0) return p + 1;
    p = Math.max(bytes.lastIndexOf(NL, open), lf >= from ? -1 : bytes.lastIndexOf(CR, open));
  }
  return from;
}

/**
 * Where, in `next`, the row that `part` begins ends (just after its line break), or -1 when it
 * does not end there (or may end with a \n still to come).
 */
function rowEndIn(part: Uint8Array, next: Uint8Array): number {
  let open = false;
  for (let q = part.indexOf(QUOTE); q >= 0; q = part.indexOf(QUOTE, q + 1)) open = !open;
  for (let i = 0; i < next.length; i++) {
    const c = next[i];
    if (c === QUOTE) open = !open;
    else if (!open && c === NL) return i + 1;
    else if (!open && c === CR)
      return i + 1 >= next.length ? -1 : next[i + 1] === NL ? i + 2 : i + 1;
  }
  return -1;
}

/** Reads a canonical CSV into the table, a piece of its bytes at a time (see `canonicalScanner`). */
export interface CanonicalScanner {
  /** Reads the complete rows of the next piece of the file; false once the fast path gives up. */
  push(bytes: Uint8Array): boolean;
  /** Reads what is left and gives the table, or undefined when the fast path gives up. */
  end(): SchoolTable | undefined;
}

export interface ScannerOptions {
  /** Rows expected (room is made for these at once, and grown when there are more). */
  rows?: number;
  /** Called now and then with the share of one pushed text read (0 to 1). */
  onProgress?: (done: number) => void;
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
    la_code: new ByteDictBuilder(cap),
    la_name: new ByteDictBuilder(cap),
    partnership: new ByteDictBuilder(cap),
    year: new ByteDictBuilder(cap),
  } as Record<string, ByteDictBuilder>;
  const groupings = new Map(
    groupingNames.filter(Boolean).map((g) => [g, new ByteDictBuilder(cap)]),
  );
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
  const phaseText = new ByteDictBuilder(0);
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
  // nothing), kept as ranges of the bytes: a value repeating the row before (the authority, the
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
    ...groupingColumns.map((c) => groupings.get(groupingNames[c] as string) as ByteDictBuilder),
  ];
  const moreDictColumns = [textIndex.la_name, textIndex.partnership, ...groupingColumns];
  const rowNotes = header.flatMap((_, c) =>
    kind[c] === 'notes' || kind[c] === 'illustrative' ? [c] : [],
  );
  let r = 0;
  let blankRows = 0;
  const urnPool = new CellPool();
  const otherCells = new ByteDictBuilder(1);
  const namePool = new CellPool();

  /**
   * Scans the rows of body[from, n): whole rows, each ending with a line break except perhaps
   * the file's last. False when the fast path gives up.
   */
  function scan(body: Uint8Array, from: number, n: number): boolean {
    /** A cell kept as a range with nothing trim might drop at either end (ASCII, no space). */
    const plainRange = (c: number): boolean => {
      const s0 = rowStart[c] as number;
      const e0 = rowEnd[c] as number;
      if (rowQuoted[c] !== undefined) return false;
      if (s0 === e0) return true;
      const a = body[s0] as number;
      const z = body[e0 - 1] as number;
      return a > 32 && a < 127 && z > 32 && z < 127;
    };
    const cellText = (c: number): string =>
      (rowQuoted[c] ?? decodeUtf8(body, rowStart[c] as number, rowEnd[c] as number)).trim();
    const toDict = (b: ByteDictBuilder, c: number): number =>
      plainRange(c)
        ? b.setRange(r, body, rowStart[c] as number, rowEnd[c] as number)
        : b.set(r, cellText(c));
    const finishRow = (): boolean => {
      // A plain URN of digits (nearly all) goes to the pool, decoded with the scan's others;
      // any other URN is decoded here.
      const uc = textIndex.urn;
      const pooled = plainRange(uc);
      let key = pooled ? digitsKeyOf(body, rowStart[uc] as number, rowEnd[uc] as number) : -1;
      let urn: string | undefined;
      if (key < 0) {
        urn = cellText(uc);
        const k = digitsKey(urn);
        if (typeof k === 'number') key = k;
      }
      const yearCode = toDict(dicts.year!, textIndex.year);
      const year = dicts.year!.value(yearCode);
      const laCode = dicts.la_code!.value(toDict(dicts.la_code!, textIndex.la_code));
      const pc = toDict(phaseText, textIndex.phase);
      if (pc === phaseOf.length) {
        const p = readPhase(phaseText.value(pc));
        phaseOf.push(p === undefined ? undefined : PHASE_INDEX.get(p));
      }
      const phase = phaseOf[pc];
      if (urn === '' || !year || !laCode || phase === undefined) return false;
      // Duplicates (a URN twice in one year): a URN of digits is checked after the scan, by
      // numeric (URN, year) keys, which is far faster than a hash of every row; any other URN
      // here.
      if (key >= 0) urnYear[r] = key * YEAR_KEYS + yearCode;
      else {
        urnYear[r] = -1;
        const pair = `${urn}\u0000${year}`;
        if (otherPairs.has(pair)) return false;
        otherPairs.add(pair);
      }
      if (urn === undefined) urnPool.add(body, rowStart[uc] as number, rowEnd[uc] as number, r);
      else t.urn[r] = urn;
      const nc = textIndex.name;
      if (plainRange(nc)) namePool.add(body, rowStart[nc] as number, rowEnd[nc] as number, r);
      else t.name[r] = cellText(nc);
      t.phase[r] = phase;
      // The row's other dictionary cells from one call site (the optimiser inlines it once).
      for (let j = 0; j < moreDicts.length; j++)
        toDict(moreDicts[j] as ByteDictBuilder, moreDictColumns[j] as number);
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
    // One loop over the bytes, no callbacks: each plain numeric cell is read as a decimal while
    // its end is found (a cell that is not a plain decimal, e.g. SUPP or 12%, is then read the
    // slow way); a text cell is kept as a range of the bytes until its row ends.
    // The loop's state is in locals, not in the variables the closures share (reads of those
    // go through the closure's context: the loop ran at half speed). `r` is set from `row`
    // before anything that reads it is called.
    const width = header.length;
    const rs = rowStart;
    const re = rowEnd;
    const rq = rowQuoted;
    const low = lo;
    const high = hi;
    let cols = colArrays;
    let room = cap;
    let row = r;
    // Rows end within a scan: each scan starts at a row's start.
    let blank = true;
    let blanks = blankRows;
    let i = from;
    let k = 0;
    while (i < n) {
      if (k >= width) return false;
      // Room is made for the rows expected; this grows it when a file has more.
      if (k === 0 && row >= room) {
        ensure(row + 1);
        cols = colArrays;
        room = cap;
      }
      const arr = cols[k];
      const c0 = body[i] as number;
      // An empty cell before the row's last (about half the cells of a national file).
      if (c0 === COMMA && k + 1 < width && i + 1 < n) {
        if (arr) arr[row] = NaN;
        else {
          rs[k] = re[k] = i;
          rq[k] = undefined;
        }
        k++;
        i++;
        continue;
      }
      if (c0 === QUOTE) {
        let j = i + 1;
        let escaped = false;
        for (;;) {
          while (j < n && body[j] !== QUOTE) j++;
          if (j >= n) return false;
          if (j + 1 < n && body[j + 1] === QUOTE) {
            escaped = true;
            j += 2;
            continue;
          }
          break;
        }
        let value = decodeUtf8(body, i + 1, j);
        if (escaped) value = value.replace(/""/g, '"');
        i = j + 1;
        const c = i < n ? (body[i] as number) : -1;
        if (i < n && c !== COMMA && c !== NL && c !== CR) return false;
        if (value !== '') blank = false;
        r = row;
        if (!arr) rq[k] = value;
        else if (!numericCell(value, arr, k)) return false;
      } else if (arr) {
        // A plain decimal: sign, up to 15 digits, one point (as plainDecimal).
        const start = i;
        let j = i;
        let neg = false;
        if (c0 === 45 || c0 === 43) {
          neg = c0 === 45;
          j++;
        }
        let m = 0;
        let digits = 0;
        let frac = -1;
        let plain = true;
        for (; j < n; j++) {
          const c = body[j] as number;
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
        if (j === start) arr[row] = NaN;
        else {
          blank = false;
          if (plain && digits > 0 && digits <= 15) {
            const v = (frac > 0 ? m / (POW10[frac] as number) : m) * (neg ? -1 : 1);
            if (!(v >= low[k]! && v <= high[k]!)) return false;
            arr[row] = v;
          } else {
            // Not a plain decimal (SUPP, 12%...): such cells repeat, so each distinct one is
            // decoded once.
            r = row;
            const text = otherCells.value(otherCells.setRange(0, body, start, j));
            if (!numericCell(text, arr, k)) return false;
          }
        }
      } else {
        // A text cell ends at the next comma or line break. Letters are above the quote and
        // are not the comma: one test each for most bytes of a name.
        let j = i;
        for (; j < n; j++) {
          const c = body[j] as number;
          if (c > QUOTE && c !== COMMA) continue;
          if (c === COMMA || c === NL || c === CR) break;
          if (c === QUOTE) return false;
        }
        if (j > i) blank = false;
        rs[k] = i;
        re[k] = j;
        rq[k] = undefined;
        i = j;
      }
      k++;
      const c = i < n ? (body[i] as number) : -1;
      if (c === COMMA) {
        i++;
        if (i < n) continue;
        // A comma ending the bytes: one more (empty) cell.
        if (k >= width) return false;
        const last = cols[k];
        if (last) last[row] = NaN;
        else {
          rs[k] = re[k] = 0;
          rq[k] = undefined;
        }
        k++;
      } else {
        if (c === CR && i + 1 < n && body[i + 1] === NL) i++;
        i++;
      }
      // The row ends.
      if (blank) blanks++;
      else {
        r = row;
        if (blanks > 0 || k !== width || !finishRow()) return false;
        row++;
        blank = true;
        if (onProgress && (row & (PROGRESS_ROWS - 1)) === 0) onProgress(i / n);
      }
      k = 0;
    }
    r = row;
    blankRows = blanks;
    return true;
  }

  return {
    /**
     * Scans body[from, n) (see scan): whole rows, each ending with a line break except perhaps
     * the file's last. False when the fast path gives up (bytes that are not UTF-8 among them).
     */
    read(body: Uint8Array, from: number, n: number): boolean {
      try {
        const ok = scan(body, from, n);
        urnPool.flush(t.urn);
        namePool.flush(t.name);
        return ok;
      } catch (e) {
        if (e instanceof NotUtf8) return false;
        throw e;
      }
    },
    /** The table, once every row is read; undefined for a repeated (URN, year). */
    table(): SchoolTable | undefined {
      // Every dictionary's values decoded (bytes that are not UTF-8: the fast path gives up).
      try {
        for (const b of allDicts) b.build();
      } catch (e) {
        if (e instanceof NotUtf8) return undefined;
        throw e;
      }
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
      const dictOf = (b: ByteDictBuilder) => ({ codes: cut(b.codes), dict: b.build().dict });
      t.laCode = dictOf(dicts.la_code!);
      t.laName = dictOf(dicts.la_name!);
      t.partnership = dictOf(dicts.partnership!);
      t.year = dictOf(dicts.year!);
      // A grouping column with no value anywhere is no grouping (as the row reader has it).
      for (const [g, b] of groupings) {
        const d = dictOf(b);
        if (d.dict.some((v) => v !== '')) t.groupings.set(g, d);
      }
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

/** Where the first line of bytes[from..] ends (its break not included), or -1 for none yet. */
function firstLineEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i] === NL || bytes[i] === CR) return i;
  return -1;
}

/**
 * A scanner fed a file's bytes a piece at a time, in order, so a large file is never whole in
 * memory: memory holds the table, one piece and the part row it ends with. A piece is scanned
 * where it lies (joining it to the part row before would copy it): that row is finished on its
 * own first. Every string kept is decoded from the bytes, so none holds on to a piece, and a
 * piece's buffer may be reused for the next.
 */
export function canonicalScanner(opts: ScannerOptions = {}): CanonicalScanner {
  let rest: Uint8Array = new Uint8Array(0);
  let scanner: ReturnType<typeof scannerFor> | undefined;
  let failed = false;
  /** Reads the header; the index its rows start at, or -1 to wait for more bytes. */
  const start = (bytes: Uint8Array): number => {
    const bom = bytes.length < 3 && BOM.slice(0, bytes.length).every((b, k) => bytes[k] === b);
    if (bom) return -1;
    const from = bomLength(bytes);
    const lineEnd = firstLineEnd(bytes, from);
    // No line break yet, or a \r that may be the first half of a \r\n: wait for more.
    if (lineEnd < 0 || lineEnd === bytes.length - 1) return -1;
    let header: string[] | undefined;
    try {
      header = fastHeader(decodeUtf8(bytes, from, lineEnd));
    } catch {
      header = undefined;
    }
    if (!header) {
      failed = true;
      return -1;
    }
    scanner = scannerFor(header, opts);
    return lineEnd + (bytes[lineEnd] === CR && bytes[lineEnd + 1] === NL ? 2 : 1);
  };
  const fail = () => {
    failed = true;
    return false;
  };
  const join = (a: Uint8Array, b: Uint8Array) => {
    const out = new Uint8Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  };
  return {
    push(input) {
      if (failed) return false;
      const piece = plainBytes(input);
      let bytes = piece;
      let from = 0;
      if (!scanner) {
        bytes = join(rest, piece);
        rest = new Uint8Array(0);
        from = start(bytes);
        if (failed) return false;
        if (from < 0) {
          rest = bytes;
          return true;
        }
      } else if (rest.length) {
        const end = rowEndIn(rest, piece);
        // A row longer than a piece (rare): wait for the rest of it.
        if (end < 0) {
          rest = join(rest, piece);
          return true;
        }
        const row = join(rest, piece.subarray(0, end));
        rest = new Uint8Array(0);
        if (!scanner.read(row, 0, row.length)) return fail();
        from = end;
      }
      const cut = completeRowsEnd(bytes, from);
      if (cut > from && !scanner!.read(bytes, from, cut)) return fail();
      // A copy: the piece's buffer may be reused for the next read.
      rest = bytes.slice(cut);
      return true;
    },
    end() {
      if (failed) return undefined;
      if (!scanner) {
        const bytes = join(rest, new Uint8Array([NL]));
        const from = start(bytes);
        if (failed || from < 0) return undefined;
        rest = bytes.subarray(from);
      }
      if (rest.length && !scanner!.read(rest, 0, rest.length)) return undefined;
      rest = new Uint8Array(0);
      return scanner!.table();
    },
  };
}

/** A whole canonical CSV (its text, or its UTF-8 bytes) into the table; undefined when the fast path gives up. */
export function scanCanonicalCsv(
  input: string | Uint8Array,
  /** Called now and then with the share of the file read (0 to 1). */
  onProgress?: (done: number) => void,
): SchoolTable | undefined {
  const bytes = plainBytes(input);
  const from = bomLength(bytes);
  const lineEnd = firstLineEnd(bytes, from);
  let header: string[] | undefined;
  try {
    header = fastHeader(decodeUtf8(bytes, from, lineEnd < 0 ? bytes.length : lineEnd));
  } catch {
    return undefined;
  }
  if (!header) return undefined;
  const bodyStart =
    lineEnd < 0
      ? bytes.length
      : lineEnd + (bytes[lineEnd] === CR && bytes[lineEnd + 1] === NL ? 2 : 1);
  const s = scannerFor(header, {
    rows: rowsToExpect(bytes.subarray(bodyStart), bytes.length - bodyStart),
    ...(onProgress ? { onProgress } : {}),
  });
  return s.read(bytes, bodyStart, bytes.length) ? s.table() : undefined;
}
