/**
 * The rows of a canonical CSV, in its UTF-8 bytes, straight into the table's columns: one loop
 * over the bytes, each numeric cell read as a decimal while its end is found, each text cell
 * kept as a range of the bytes until its row ends, then put in its dictionary (ByteDictBuilder)
 * or, a URN or a name, copied as bytes into its text column (TextColumn).
 *
 * A class, not closures: its methods are the same functions for every file, so the optimiser
 * inlines the row's work into the loop once and keeps it. Closures made anew for each file (and
 * each piece) were new call targets every time: the loop was deoptimised, then called them
 * without inlining, and the row's dictionary work took twice as long.
 */
import { PLAUSIBLE_RANGE } from '../domain/columns';
import { ByteDictBuilder, decodeUtf8, NotUtf8 } from '../domain/table/dict-builder';
import { PHASE_INDEX, type SchoolTable } from '../domain/table/school-table';
import { TextColumnBuilder } from '../domain/table/text-column';
import { NUMERIC_COLUMNS, TEXT_COLUMNS } from '../domain/types';
import { readPhase, splitList } from './canonical';
import { parseNumericCell } from './cells';

const GROUPING_PREFIX = 'grouping_';
const encoder = new TextEncoder();
const QUOTE = 34;
const COMMA = 44;
const NL = 10;
const CR = 13;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Rows between progress reports: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_ROWS = 1 << 15;

// (URN, year) keys: URN x YEAR_KEYS + year code, exact in a double for URNs under 10^9.
const YEAR_KEYS = 4096;

/** Keys up to this many are checked with one bit each (2 MB); larger ones by sorting. */
const BITMAP_KEYS = 1 << 24;

export interface ScannerOptions {
  /** Rows expected (room is made for these at once, and grown when there are more). */
  rows?: number;
  /** Called now and then with the share of one pushed text read (0 to 1). */
  onProgress?: (done: number) => void;
}

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

/**
 * A URN of up to 9 digits (no leading zero), bytes[start, end), as a number, which hashes far
 * faster; -1 for any other URN.
 */
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

type Kind = 'numeric' | 'grouping' | 'notes' | 'illustrative' | 'lat' | 'lon' | 'ignore' | string;

const EMPTY_BYTES = new Uint8Array(0);

/** Reads rows into a table; `read` as the file's bytes come, `table` at the end. */
export class RowScanner {
  private readonly header: readonly string[];
  private readonly kind: readonly Kind[];
  private readonly onProgress: ((done: number) => void) | undefined;
  private cap: number;
  private readonly numeric = new Map<string, Float64Array>();
  private cols: (Float64Array | undefined)[];
  /** 1 for a column read as numbers (cols[k] is its array), 0 for text: a byte is tested faster. */
  private readonly isNumber: Uint8Array;
  private readonly keepsCodes: readonly boolean[];
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private readonly laCode: ByteDictBuilder;
  private readonly year: ByteDictBuilder;
  private readonly phaseText = new ByteDictBuilder(0);
  private readonly phaseOf: (number | undefined)[] = [];
  private readonly groupings = new Map<string, ByteDictBuilder>();
  private readonly named: Record<'laName' | 'partnership', ByteDictBuilder>;
  private readonly allDicts: readonly ByteDictBuilder[];
  /** Dictionary cells finishRow sets without reading back: LA name, partnership, groupings. */
  private readonly moreDicts: readonly ByteDictBuilder[];
  private readonly moreDictColumns: Int32Array;
  private readonly missingCodes = new Map<string, Map<number, string>>();
  private readonly t: SchoolTable;
  private urnYear: Float64Array;
  private readonly otherPairs = new Set<string>();
  private readonly urnColumn: number;
  private readonly nameColumn: number;
  private readonly yearColumn: number;
  private readonly laCodeColumn: number;
  private readonly phaseColumn: number;
  private readonly rowNotes: readonly number[];
  // Text cells wait for the end of their row (a blank row, allowed only at the end, writes
  // nothing), kept as ranges of the bytes: a value repeating the row before (the authority, the
  // year, the phase...) is recognised without making a string.
  private readonly rowStart: Int32Array;
  private readonly rowEnd: Int32Array;
  private readonly rowQuoted: (string | undefined)[];
  /** URNs and names stay bytes (decoded when shown): copied here as each row ends. */
  private readonly urns: TextColumnBuilder;
  private readonly names: TextColumnBuilder;
  /** Numeric cells that are not plain decimals (SUPP, 12%): each distinct one decoded once. */
  private readonly otherCells = new ByteDictBuilder(1);
  /** The bytes being scanned, and the row being read in them. */
  private body: Uint8Array = EMPTY_BYTES;
  private r = 0;
  private blankRows = 0;

  constructor(header: string[], opts: ScannerOptions) {
    this.header = header;
    this.onProgress = opts.onProgress;
    const cap = (this.cap = Math.max(16, opts.rows ?? 0));
    const textSet = new Set<string>(TEXT_COLUMNS);
    const kind = (this.kind = header.map((h) =>
      textSet.has(h)
        ? h
        : h.startsWith(GROUPING_PREFIX)
          ? 'grouping'
          : h === 'notes' || h === 'illustrative' || h === 'lat' || h === 'lon'
            ? h
            : h === ''
              ? 'ignore'
              : 'numeric',
    ));
    const extraColumns = header.filter(
      (h, c) => kind[c] === 'numeric' && !(NUMERIC_COLUMNS as readonly string[]).includes(h),
    );
    // Every numeric column starts missing (NaN): an empty cell writes nothing. Filling a
    // column is one native pass; a NaN written per empty cell (about half of a national file's
    // cells) cost more.
    for (const c of [...NUMERIC_COLUMNS, ...extraColumns])
      this.numeric.set(c, new Float64Array(cap).fill(NaN));
    this.keepsCodes = header.map((_, c) => kind[c] === 'numeric');
    // A value outside its column's plausible range is a problem the full reader names.
    this.lo = Float64Array.from(header, (h, c) =>
      kind[c] === 'numeric' ? (PLAUSIBLE_RANGE[h]?.[0] ?? -Infinity) : -Infinity,
    );
    this.hi = Float64Array.from(header, (h, c) =>
      kind[c] === 'numeric' ? (PLAUSIBLE_RANGE[h]?.[1] ?? Infinity) : Infinity,
    );
    this.laCode = new ByteDictBuilder(cap);
    this.year = new ByteDictBuilder(cap);
    this.named = { laName: new ByteDictBuilder(cap), partnership: new ByteDictBuilder(cap) };
    const groupingColumns = header.flatMap((_, c) => (kind[c] === 'grouping' ? [c] : []));
    for (const c of groupingColumns)
      this.groupings.set(
        (header[c] as string).slice(GROUPING_PREFIX.length),
        new ByteDictBuilder(cap),
      );
    const col = (name: string) => header.indexOf(name);
    this.urnColumn = col('urn');
    this.nameColumn = col('name');
    this.yearColumn = col('year');
    this.laCodeColumn = col('la_code');
    this.phaseColumn = col('phase');
    this.moreDicts = [
      this.named.laName,
      this.named.partnership,
      ...groupingColumns.map(
        (c) =>
          this.groupings.get(
            (header[c] as string).slice(GROUPING_PREFIX.length),
          ) as ByteDictBuilder,
      ),
    ];
    this.moreDictColumns = Int32Array.from([
      col('la_name'),
      col('partnership'),
      ...groupingColumns,
    ]);
    this.allDicts = [this.laCode, this.year, this.phaseText, ...this.moreDicts];
    this.rowNotes = header.flatMap((_, c) =>
      kind[c] === 'notes' || kind[c] === 'illustrative' ? [c] : [],
    );
    this.rowStart = new Int32Array(header.length);
    this.rowEnd = new Int32Array(header.length);
    this.rowQuoted = new Array<string | undefined>(header.length);
    this.urnYear = new Float64Array(cap);
    this.urns = new TextColumnBuilder(cap, 6);
    this.names = new TextColumnBuilder(cap, 32);
    this.t = {
      n: 0,
      urn: this.urns.build(),
      name: this.names.build(),
      laCode: this.laCode.build(),
      laName: this.named.laName.build(),
      phase: new Uint8Array(cap),
      partnership: this.named.partnership.build(),
      year: this.year.build(),
      groupings: new Map(),
      numeric: this.numeric,
      missingCodes: this.missingCodes,
      illustrative: new Map(),
      lat: new Float64Array(cap).fill(NaN),
      lon: new Float64Array(cap).fill(NaN),
      notes: new Map(),
      valueDates: new Map(),
      extraColumns,
    };
    this.cols = this.columnArrays();
    this.isNumber = Uint8Array.from(this.cols, (a) => (a ? 1 : 0));
  }

  /** Each column's typed array, undefined for a text column. */
  private columnArrays(): (Float64Array | undefined)[] {
    return this.header.map((h, c) => {
      const k = this.kind[c];
      return k === 'numeric'
        ? this.numeric.get(h)
        : k === 'lat'
          ? this.t.lat
          : k === 'lon'
            ? this.t.lon
            : undefined;
    });
  }

  /** Room for `rows` rows in every per-row array (grown by half again, at least). */
  private ensure(rows: number): void {
    const cap = this.cap;
    if (rows <= cap) return;
    const next = Math.max(rows, Math.ceil(cap * 1.5));
    const grow = <T extends Float64Array | Uint8Array>(a: T, fill?: number): T => {
      const b = new (a.constructor as new (n: number) => T)(next);
      b.set(a);
      if (fill !== undefined) b.fill(fill, cap);
      return b;
    };
    const t = this.t;
    for (const [c, a] of this.numeric) this.numeric.set(c, grow(a, NaN));
    for (const [c, a] of t.illustrative) t.illustrative.set(c, grow(a));
    t.lat = grow(t.lat, NaN);
    t.lon = grow(t.lon, NaN);
    t.phase = grow(t.phase);
    this.urnYear = grow(this.urnYear);
    for (const b of this.allDicts) if (b !== this.phaseText) b.grow(next);
    this.cap = next;
    this.cols = this.columnArrays();
  }

  /**
   * Scans body[from, n): whole rows, each ending with a line break except perhaps the file's
   * last. False when the fast path gives up (bytes that are not UTF-8 among the reasons).
   */
  read(body: Uint8Array, from: number, n: number): boolean {
    this.body = body;
    try {
      return this.scan(body, from, n);
    } catch (e) {
      if (e instanceof NotUtf8) return false;
      throw e;
    } finally {
      this.body = EMPTY_BYTES;
    }
  }

  private scan(body: Uint8Array, from: number, n: number): boolean {
    // The loop's state is in locals (fields are read through `this`); `this.r` is set from
    // `row` before anything that reads it is called.
    const width = this.header.length;
    const rs = this.rowStart;
    const re = this.rowEnd;
    const rq = this.rowQuoted;
    const low = this.lo;
    const high = this.hi;
    const onProgress = this.onProgress;
    let cols = this.cols;
    const isNumber = this.isNumber;
    let room = this.cap;
    let row = this.r;
    // Rows end within a scan: each scan starts at a row's start.
    let blank = true;
    let blanks = this.blankRows;
    let i = from;
    let k = 0;
    while (i < n) {
      if (k >= width) return false;
      // Room is made for the rows expected; this grows it when a file has more.
      if (k === 0 && row >= room) {
        this.ensure(row + 1);
        cols = this.cols;
        room = this.cap;
      }
      const arr = cols[k];
      const numeric = isNumber[k] === 1;
      const c0 = body[i] as number;
      // An empty cell before the row's last (about half the cells of a national file): a
      // numeric one is already NaN.
      if (c0 === COMMA && k + 1 < width && i + 1 < n) {
        if (!numeric) {
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
        const s0 = i + 1;
        const e0 = j;
        i = j + 1;
        const c = i < n ? (body[i] as number) : -1;
        if (i < n && c !== COMMA && c !== NL && c !== CR) return false;
        if (!numeric && !escaped) {
          // A quoted text cell with no quote inside (a name with a comma) is the bytes between
          // its quotes: kept as a range like any other, no string made.
          if (e0 > s0) blank = false;
          rs[k] = s0;
          re[k] = e0;
          rq[k] = undefined;
        } else {
          let value = decodeUtf8(body, s0, e0);
          if (escaped) value = value.replace(/""/g, '"');
          if (value !== '') blank = false;
          this.r = row;
          if (!arr) rq[k] = value;
          else if (!this.numericCell(value, arr, k)) return false;
        }
      } else if (numeric) {
        // A plain decimal: sign, up to 15 digits, one point (as plainDecimal).
        const into = arr as Float64Array;
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
        if (j === start) into[row] = NaN;
        else {
          blank = false;
          if (plain && digits > 0 && digits <= 15) {
            const v = (frac > 0 ? m / (POW10[frac] as number) : m) * (neg ? -1 : 1);
            if (!(v >= low[k]! && v <= high[k]!)) return false;
            into[row] = v;
          } else {
            this.r = row;
            const other = this.otherCells;
            if (!this.numericCell(other.value(other.setRange(0, body, start, j)), into, k))
              return false;
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
        this.r = row;
        if (blanks > 0 || k !== width || !this.finishRow()) return false;
        row++;
        blank = true;
        if (onProgress && (row & (PROGRESS_ROWS - 1)) === 0) onProgress(i / n);
      }
      k = 0;
    }
    this.r = row;
    this.blankRows = blanks;
    return true;
  }

  /** A cell kept as a range with nothing trim might drop at either end (ASCII, no space). */
  private plainRange(c: number): boolean {
    if (this.rowQuoted[c] !== undefined) return false;
    const s0 = this.rowStart[c] as number;
    const e0 = this.rowEnd[c] as number;
    if (s0 === e0) return true;
    const a = this.body[s0] as number;
    const z = this.body[e0 - 1] as number;
    return a > 32 && a < 127 && z > 32 && z < 127;
  }

  private cellText(c: number): string {
    const q = this.rowQuoted[c];
    return (
      q ?? decodeUtf8(this.body, this.rowStart[c] as number, this.rowEnd[c] as number)
    ).trim();
  }

  private toDict(b: ByteDictBuilder, c: number): number {
    return this.plainRange(c)
      ? b.setRange(this.r, this.body, this.rowStart[c] as number, this.rowEnd[c] as number)
      : b.set(this.r, this.cellText(c));
  }

  private finishRow(): boolean {
    const r = this.r;
    const t = this.t;
    // A plain URN of digits (nearly all) is keyed by its number and kept as bytes; any other
    // URN is decoded here.
    const uc = this.urnColumn;
    let key = this.plainRange(uc)
      ? digitsKeyOf(this.body, this.rowStart[uc] as number, this.rowEnd[uc] as number)
      : -1;
    let urn: string | undefined;
    if (key < 0) {
      // Not plain (quoted or spaced): its text, unquoted and trimmed, may still be digits.
      urn = this.cellText(uc);
      const text = encoder.encode(urn);
      key = digitsKeyOf(text, 0, text.length);
    }
    const yearCode = this.toDict(this.year, this.yearColumn);
    const year = this.year.value(yearCode);
    const laCode = this.laCode.value(this.toDict(this.laCode, this.laCodeColumn));
    const pc = this.toDict(this.phaseText, this.phaseColumn);
    if (pc === this.phaseOf.length) {
      const p = readPhase(this.phaseText.value(pc));
      this.phaseOf.push(p === undefined ? undefined : PHASE_INDEX.get(p));
    }
    const phase = this.phaseOf[pc];
    if (urn === '' || !year || !laCode || phase === undefined) return false;
    // Duplicates (a URN twice in one year): a URN of digits is checked after the scan, by
    // numeric (URN, year) keys, which is far faster than a hash of every row; any other URN
    // here.
    if (key >= 0) this.urnYear[r] = key * YEAR_KEYS + yearCode;
    else {
      this.urnYear[r] = -1;
      const pair = `${urn}\u0000${year}`;
      if (this.otherPairs.has(pair)) return false;
      this.otherPairs.add(pair);
    }
    this.text(this.urns, uc, urn);
    this.text(this.names, this.nameColumn, undefined);
    t.phase[r] = phase;
    for (let j = 0; j < this.moreDicts.length; j++)
      this.toDict(this.moreDicts[j] as ByteDictBuilder, this.moreDictColumns[j] as number);
    for (const c of this.rowNotes) this.rowNote(c);
    return true;
  }

  /**
   * A URN or name into its column: a plain cell's bytes as they are (checked to be UTF-8 when
   * any is not ASCII), any other cell as its text (unquoted, trimmed), or `known` when given.
   */
  private text(into: TextColumnBuilder, c: number, known: string | undefined): void {
    if (known !== undefined) into.add(known);
    else if (!this.plainRange(c)) into.add(this.cellText(c));
    else {
      const s0 = this.rowStart[c] as number;
      const e0 = this.rowEnd[c] as number;
      if (into.addBytes(this.body, s0, e0)) decodeUtf8(this.body, s0, e0);
    }
  }

  private rowNote(c: number): void {
    const t = this.t;
    const v = this.cellText(c);
    if (!v) return;
    if (this.kind[c] === 'notes') t.notes.set(this.r, splitList(v));
    else
      for (const col of splitList(v)) {
        let f = t.illustrative.get(col);
        if (!f) t.illustrative.set(col, (f = new Uint8Array(this.cap)));
        f[this.r] = 1;
      }
  }

  private numericCell(raw: string, arr: Float64Array, c: number): boolean {
    const cell = parseNumericCell(raw);
    if (cell.kind === 'invalid') return false;
    if (cell.kind === 'value' && !(cell.value >= this.lo[c]! && cell.value <= this.hi[c]!))
      return false;
    arr[this.r] = cell.kind === 'value' ? cell.value : NaN;
    if (cell.kind === 'missing' && cell.code && this.keepsCodes[c]) {
      const name = this.header[c] as string;
      let m = this.missingCodes.get(name);
      if (!m) this.missingCodes.set(name, (m = new Map()));
      m.set(this.r, cell.code);
    }
    return true;
  }

  /** The table, once every row is read; undefined for a repeated (URN, year). */
  table(): SchoolTable | undefined {
    // Every dictionary's values decoded (bytes that are not UTF-8: the fast path gives up).
    try {
      for (const b of this.allDicts) b.build();
    } catch (e) {
      if (e instanceof NotUtf8) return undefined;
      throw e;
    }
    const r = this.r;
    const years = this.year.build().dict.length;
    if (hasRepeat(this.urnYear.subarray(0, r), years) || years > YEAR_KEYS) return undefined;
    const t = this.t;
    t.n = r;
    t.urn = this.urns.build();
    t.name = this.names.build();
    // Spare room is cut: a view when it is small (a copy of a large table would double it for
    // a moment), else a copy, so no buffer holds many dead rows.
    const cut = <T extends Float64Array | Uint8Array | Int32Array>(a: T) =>
      (a.length === r ? a : a.length - r <= a.length / 8 ? a.subarray(0, r) : a.slice(0, r)) as T;
    for (const [k, v] of this.numeric) this.numeric.set(k, cut(v));
    for (const [k, v] of t.illustrative) t.illustrative.set(k, cut(v));
    t.phase = cut(t.phase);
    t.lat = cut(t.lat);
    t.lon = cut(t.lon);
    const dictOf = (b: ByteDictBuilder) => ({ codes: cut(b.codes), dict: b.build().dict });
    t.laCode = dictOf(this.laCode);
    t.laName = dictOf(this.named.laName);
    t.partnership = dictOf(this.named.partnership);
    t.year = dictOf(this.year);
    // A grouping column with no value anywhere is no grouping (as the row reader has it).
    for (const [g, b] of this.groupings) {
      const d = dictOf(b);
      if (d.dict.some((v) => v !== '')) t.groupings.set(g, d);
    }
    return t;
  }
}
