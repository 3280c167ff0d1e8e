import { describe, expect, it } from 'vitest';
import { parseNumericCell } from '../../src/import/cells';
import { decodeBytes } from '../../src/import/decode';
import { csvCell } from '../../src/import/csv';
import { censusPhase } from '../../src/import/kinds/performance';
import { readFile } from '../../src/import/read-file';
import { fromEndYear, readYear, yearFromName } from '../../src/import/years';

describe('numeric cells', () => {
  it.each([
    ['92%', 92],
    [' 4.6 ', 4.6],
    ['-0.62', -0.62],
    ['29,199', 29199],
    ['1.5e2', 150],
    ['0', 0],
  ])('%j reads as %d', (raw, value) =>
    expect(parseNumericCell(raw)).toEqual({ kind: 'value', value }),
  );

  it.each(['SUPP', 'NE', 'NP', 'LOWCOV', 'NA', 'x', ':', 'supp'])(
    '%j is missing with its code, never zero',
    (raw) => {
      expect(parseNumericCell(raw)).toEqual({ kind: 'missing', code: raw });
    },
  );
  it('an empty cell is missing', () => expect(parseNumericCell('')).toEqual({ kind: 'missing' }));
  it.each(['abc', '12abc', '1,2,3', '--1', 'Infinity'])(
    '%j is invalid, not silently dropped',
    (raw) => {
      expect(parseNumericCell(raw).kind).toBe('invalid');
    },
  );
});

describe('decoding', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const utf8 = new TextEncoder().encode('name\nSt Thomas à Becket\n');
    expect(decodeBytes(utf8)).toEqual({ text: 'name\nSt Thomas à Becket\n', encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).encoding).toBe('utf-8-bom');
  });
  it('falls back to Windows-1252 when bytes are not UTF-8 (à = 0xE0, ’ = 0x92)', () => {
    const bytes = new Uint8Array([0x53, 0x74, 0x20, 0xe0, 0x20, 0x92]);
    expect(decodeBytes(bytes)).toEqual({ text: 'St à ’', encoding: 'windows-1252' });
  });
  it('reads a file mixing UTF-8 and Windows-1252 line by line, naming the Windows-1252 lines', () => {
    const enc = new TextEncoder();
    const bytes = new Uint8Array([
      ...enc.encode('URN,LA,ESTAB,PERCTOT,PPERSABS10\n100000,850,1,4.1,5 Schöol\n'),
      ...[0x31, 0x30, 0x30, 0x30, 0x30, 0x31, 0x2c, 0xe0, 0x0a],
    ]);
    expect(decodeBytes(bytes)).toEqual({
      text: 'URN,LA,ESTAB,PERCTOT,PPERSABS10\n100000,850,1,4.1,5 Schöol\n100001,à\n',
      encoding: 'utf-8 and windows-1252',
      windows1252Lines: [3],
    });
    const r = readFile('abs_2018-19.csv', bytes);
    expect(r.report.encoding).toBe('utf-8 and windows-1252');
    expect(r.report.notes).toContain(
      '1 line is not UTF-8 like the rest of the file and was read as Windows-1252 (line 3): check its names',
    );
  });
});

describe('CSV export cells are safe against formula injection', () => {
  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1+1', "'+1+1"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['plain, with comma', '"plain, with comma"'],
  ])('%j -> %s', (raw, out) => expect(csvCell(raw)).toBe(out));
  it('leaves negative numbers as numbers', () => {
    expect(csvCell(-0.62)).toBe('-0.62');
    expect(csvCell('-0.62')).toBe('-0.62');
  });
});

describe('years', () => {
  it.each([
    ['ks2-2018-19.csv', '2018/19'],
    ['absence_2018_19.csv', '2018/19'],
    ['dfe-2018-19/england_abs.csv', '2018/19'],
    ['census201819.csv', '2018/19'],
    ['2018-850-ks2.csv', undefined],
    ['ks2_perf_2018.csv', undefined],
    ['2018-20.csv', undefined],
    // the folder of a DfE performance-tables download, and other spellings
    ['2022-2023/919_census.csv', '2022/23'],
    ['Performance_Tables_2022-2023/919_ks2final.csv', '2022/23'],
    ['2022_23/919_abs.csv', '2022/23'],
    ['202223_absence.csv', '2022/23'],
    ['2022-2024/x.csv', undefined],
    ['2022-24/x.csv', undefined],
  ])('%s -> %s', (name, year) => expect(yearFromName(name)).toBe(year));
  it.each([
    ['2022/23', '2022/23'],
    ['2022-23', '2022/23'],
    [' 2022-2023 ', '2022/23'],
    ['202223', '2022/23'],
    ['2022_23', '2022/23'],
    ['2022', undefined],
    ['2022-24', undefined],
    ['23/24', undefined],
  ])('the year box reads %s as %s', (text, year) => expect(readYear(text)).toBe(year));
  it.each([
    ['State-funded primary', 'primary'],
    ['State-funded AP school', 'pru'],
    ['Pupil referral unit', 'pru'],
    ['Alternative provision academy', 'pru'],
    ['State-funded special school', 'special'],
    ['Non-maintained special school', 'special'],
    ['State-funded nursery', 'nursery'],
    ['Independent school', 'skip:independent school (not state-funded)'],
    ['Hospital school', undefined],
  ])('census school type %s is %s', (type, phase) => expect(censusPhase(type)).toBe(phase));
  it('scraped tables name the year an academic year ends', () =>
    expect(fromEndYear('2018')).toBe('2017/18'));
});
