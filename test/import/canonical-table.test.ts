/**
 * The one-pass CSV scanner gives exactly the table the full reader's rows convert to, on the real
 * files and on awkward ones (quotes, CRLF, codes, percentages, blank lines, groupings, notes);
 * anything it does not accept goes to the full reader, whose errors name row and column.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableFromDataset } from '../../src/domain/table/from-school-years';
import { readCanonicalCsv } from '../../src/import/canonical';
import {
  canonicalScanner,
  plainDecimal,
  readCanonicalTable,
  scanCanonicalCsv,
} from '../../src/import/canonical-table';
import { ImportError } from '../../src/import/problems';

/** The scanner itself (not its fallback) accepts the file and gives the full reader's table. */
const same = (text: string) => {
  const fast = scanCanonicalCsv(text);
  expect(fast, 'the fast path gave up').toBeDefined();
  expect(fast).toEqual(tableFromDataset(readCanonicalCsv(text, 'f.csv')));
};

const HEAD = 'urn,name,la_code,la_name,phase,partnership,year,pupils,fsm_pct,ks2_mat_progress';
const bytes = (s: string) => new TextEncoder().encode(s);

describe('canonical CSV straight into columns', () => {
  it('matches the full reader on the demo dataset', () => {
    same(readFileSync('public/data/demo/dataset.csv', 'utf8'));
  });

  it('matches it on quoting, CRLF, codes, percentages, groupings, notes and trailing blank lines', () => {
    same(
      [
        `${HEAD},grouping_trust,notes,illustrative,lat,lon,extra_col`,
        '1,"Smith, John ""JS"" School",850,Hampshire,Primary,North,2018/19,210,12.5%,-5.8,T1,a ; b,fsm_pct,50.1,-1.2,7',
        '2, Spaced ,850,Hampshire,primary,,2018/19,"1,234",SUPP,x,,,,,,',
        '2,Same URN other year,850,Hampshire,primary,,2017/18,  ,NE,.5,T1,,,,,1e3',
        '3,Accént,936,Surrey,all through,South,2018/19,-0,0012,+3,,,,,,',
        // Quoted cells with no quote inside: kept as ranges of bytes (a comma, spaces, accents,
        // a quoted URN, an empty quoted grouping).
        '"4","Kent, Ashford ",886,"Kent, County","secondary"," St Mary’s, West",2018/19,5,1,1,"",,,,,',
        '"5","""Quoted"" start",886,"Kent, County",secondary," St Mary’s, West",2018/19,5,1,1,"Trust, A",,,,,',
        ',,,,,,,,,,,,,,,',
        '',
      ].join('\r\n'),
    );
  });

  it('tells a URN repeated within a year from one repeated across years, for any size of URN', () => {
    const row = (urn: string, year: string) => `${urn},A,850,H,primary,N,${year},1,1,1`;
    const file = (...rows: string[]) => [HEAD, ...rows, ''].join('\n');
    for (const urn of ['100000', '999999999', 'X12']) {
      const other = urn === '100000' ? '100001' : `${urn}7`;
      same(file(row(urn, '2017/18'), row(other, '2017/18'), row(urn, '2018/19')));
      expect(
        scanCanonicalCsv(file(row(urn, '2017/18'), row(other, '2018/19'), row(urn, '2017/18'))),
      ).toBeUndefined();
      expect(
        scanCanonicalCsv(file(row(other, '2017/18'), row(urn, '2018/19'), row(urn, '2018/19'))),
      ).toBeUndefined();
    }
  });

  it('hands a file with a problem to the full reader, which names row and column', () => {
    const bad = `${HEAD}\n1,A,850,H,primary,N,2018/19,12x,1,1\n1,A,850,H,primary,N,2018/19,1,1,1\n`;
    expect(() => readCanonicalTable(bad, 'bad.csv')).toThrow(ImportError);
    try {
      readCanonicalTable(bad, 'bad.csv');
    } catch (e) {
      const messages = (e as ImportError).problems.map((p) => `${p.row}:${p.column}:${p.message}`);
      expect(messages).toEqual([
        '2:pupils:"12x" is not a number or a DfE missing-value code',
        '3:urn:URN 1 appears again for 2018/19 (first at row 2)',
      ]);
    }
  });

  it('reads plain decimals as Number() does, and leaves the rest to the full parser', () => {
    for (const s of [
      '0',
      '-0',
      '12',
      '12.5',
      '-5.80',
      '+3',
      '.5',
      '5.',
      '123456789012345',
      '0.1',
      '99.99',
    ])
      expect(Object.is(plainDecimal(bytes(s), 0, s.length), Number(s)), s).toBe(true);
    for (const s of ['', '-', '.', '1e3', '1,2', '12%', ' 1', '1234567890123456', '0x10', '1.2.3'])
      expect(plainDecimal(bytes(s), 0, s.length), s).toBeNaN();
  });

  it('agrees with the full reader on random files, whichever path reads them', () => {
    const number = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String),
      fc.integer({ min: -999, max: 99999 }).map(String),
      fc.constantFrom(
        '',
        ' ',
        '-',
        '+3',
        '.5',
        '5.',
        '12%',
        'SUPP',
        'ne',
        'x',
        '"1,234"',
        '""',
        '-0',
        '1e3',
      ),
    );
    const text = fc.constantFrom('', 'A', ' B ', '"C, D"', '"E ""F"""', 'Ö', '""');
    const row = fc.record({
      urn: fc.constantFrom('1', '2', '3', '0012', 'X9', ''),
      name: text,
      la: fc.constantFrom('850', '936', ' 850'),
      phase: fc.constantFrom('primary', 'Secondary', 'nursery', 'bad'),
      partnership: text,
      year: fc.constantFrom('2018/19', '2017/18'),
      values: fc.array(number, { minLength: 3, maxLength: 3 }),
      trust: text,
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        const csv = [
          `${HEAD},grouping_trust`,
          ...rows.map((r) =>
            [r.urn, r.name, r.la, 'H', r.phase, r.partnership, r.year, ...r.values, r.trust].join(
              ',',
            ),
          ),
        ].join(eol);
        let full: unknown;
        try {
          full = tableFromDataset(readCanonicalCsv(csv, 'f.csv'));
        } catch (e) {
          full = e instanceof ImportError ? 'problem' : e;
        }
        const fast = scanCanonicalCsv(csv);
        // The fast path may give up on anything; when it reads a file, it reads it the same.
        if (fast !== undefined) expect(fast).toEqual(full);
      }),
      { numRuns: 400 },
    );
  });
});

/**
 * The text's UTF-8 bytes fed to a scanner in pieces cut at the given byte offsets (as a file read
 * in chunks is), each piece in one buffer that is overwritten once pushed, as the CLI's is.
 */
function inPieces(text: string, cuts: readonly number[]) {
  const all = bytes(text);
  const at = [...new Set(cuts.map((c) => Math.min(c, all.length)))].sort((a, b) => a - b);
  const scanner = canonicalScanner();
  const buffer = new Uint8Array(all.length);
  let from = 0;
  for (const c of [...at, all.length]) {
    const piece = buffer.subarray(0, c - from);
    piece.set(all.subarray(from, c));
    if (!scanner.push(piece)) return undefined;
    piece.fill(0x3f);
    from = c;
  }
  return scanner.end();
}

describe('a file read in pieces', () => {
  const awkward = [
    `\uFEFF${HEAD},grouping_trust,notes,illustrative,lat,lon,extra_col`,
    '1,"Smith, John ""JS""\r\nSchool",850,Hampshire,Primary,North,2018/19,210,12.5%,-5.8,T1,a ; b,fsm_pct,50.1,-1.2,7',
    '2, Spaced ,850,Hampshire,primary,,2018/19,"1,234",SUPP,x,,,,,,',
    '2,Same URN other year,850,Hampshire,primary,,2017/18,  ,NE,.5,T1,,,,,1e3',
    '3,Accént,936,Surrey,all through,South,2018/19,-0,0012,+3,,,,,,',
    'X9,A URN not of digits,936,Surrey,primary,South,2018/19,1,2,3,,,,,,',
  ];

  it('gives the table the whole text gives, wherever the pieces are cut', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = awkward.join(eol) + eol;
      const whole = scanCanonicalCsv(text.replace(/^\uFEFF/, ''));
      expect(whole, 'the fast path gave up').toBeDefined();
      fc.assert(
        fc.property(fc.array(fc.nat({ max: bytes(text).length }), { maxLength: 12 }), (cuts) => {
          expect(inPieces(text, cuts)).toEqual(whole);
        }),
        { numRuns: 150 },
      );
      // Every single-byte cut: the \r of a \r\n, the inside of a quoted cell and of a
      // character of two bytes among them.
      for (let c = 0; c <= bytes(text).length; c++) expect(inPieces(text, [c])).toEqual(whole);
    }
  });

  it('reads the demo dataset in 4 KB pieces as one text, and gives up as the whole text does', () => {
    const text = readFileSync('public/data/demo/dataset.csv', 'utf8');
    const size = bytes(text).length;
    const cuts = Array.from({ length: Math.floor(size / 4096) }, (_, k) => (k + 1) * 4096);
    expect(inPieces(text, cuts)).toEqual(scanCanonicalCsv(text));
    // A URN twice in one year, found only once every row is read.
    const bad = text + text.split('\n')[1] + '\n';
    expect(scanCanonicalCsv(bad)).toBeUndefined();
    expect(inPieces(bad, cuts)).toBeUndefined();
  });

  it('keeps nothing of a piece: each piece overwritten once pushed gives the same names', () => {
    const text = readFileSync('public/data/demo/dataset.csv', 'utf8');
    const t = inPieces(text, [1000, 50_000, 100_000])!;
    expect(t.name).toEqual(scanCanonicalCsv(text)!.name);
  });
});
