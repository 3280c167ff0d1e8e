import { describe, expect, it } from 'vitest';
import {
  readCanonicalCsv,
  readCanonicalJson,
  writeCanonicalCsv,
  writeCanonicalJson,
} from '../../src/import/canonical';
import { readCanonicalTable } from '../../src/import/canonical-table';
import { ImportError } from '../../src/import/problems';

const HEADER =
  'urn,name,la_code,la_name,phase,partnership,year,pupils,capacity,fsm_pct,absence_pct,my_extra';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

function problemsOf(text: string) {
  try {
    readCanonicalCsv(text, 'data.csv');
  } catch (e) {
    if (e instanceof ImportError) return e.problems;
    throw e;
  }
  throw new Error('expected the file to be rejected');
}

describe('canonical CSV', () => {
  it('reads DfE codes and percentages as the issue says, and keeps extra numeric columns', () => {
    const ds = readCanonicalCsv(
      csv('1,A,850,Hants,Primary,N,2018/19,200,210,SUPP,92%,7'),
      'data.csv',
    );
    const s = ds.schools[0]!;
    expect(s.phase).toBe('primary');
    expect(s.values).toEqual({ pupils: 200, capacity: 210, absence_pct: 92, my_extra: 7 });
    expect(s.missingCodes).toEqual({ fsm_pct: 'SUPP' });
    expect(ds.extraColumns).toEqual(['my_extra']);
  });

  it('rejects the whole file, naming file, row and column of every problem', () => {
    const problems = problemsOf(
      csv(
        '1,A,850,Hants,primary,N,2018/19,200,210,5,4,1',
        '2,B,850,Hants,infant,N,2018/19,abc,210,5,4,1',
        '1,A,850,Hants,primary,N,2018/19,200,210,5,4,1',
      ),
    );
    expect(problems).toEqual([
      {
        file: 'data.csv',
        row: 3,
        column: 'phase',
        message:
          '"infant" is not one of primary, secondary, special, all-through, nursery, pru, 16-plus',
      },
      {
        file: 'data.csv',
        row: 3,
        column: 'pupils',
        message: '"abc" is not a number or a DfE missing-value code',
      },
      {
        file: 'data.csv',
        row: 4,
        column: 'urn',
        message: 'URN 1 appears again for 2018/19 (first at row 2)',
      },
    ]);
  });

  it('names missing required columns', () => {
    expect(problemsOf('urn,name\n1,A')[0]?.message).toBe(
      'missing required column(s): la_code, la_name, phase, partnership, year',
    );
  });

  it('round-trips through CSV and JSON', () => {
    const ds = readCanonicalCsv(csv('1,"A, B",850,Hants,primary,N,2018/19,200,,5,4,1'), 'data.csv');
    expect(readCanonicalCsv(writeCanonicalCsv(ds), 'x.csv').schools).toEqual(ds.schools);
    expect(readCanonicalJson(writeCanonicalJson(ds), 'x.json').schools).toEqual(ds.schools);
  });

  it('rejects JSON that is not a dataset, naming the field', () => {
    expect(() =>
      readCanonicalJson(
        '{"format":"school-rag-dataset","version":1,"schools":[{"urn":"1","year":"2018/19","phase":"infant","values":{}}]}',
        'd.json',
      ),
    ).toThrow('d.json, column schools[0].phase: "infant" is not a phase');
  });
});

describe('hostile or unlucky datasets get a named problem, never a crash or a silent value', () => {
  const school = (over: Record<string, unknown>) => ({
    urn: '1',
    name: 'A',
    laCode: '850',
    laName: 'Hampshire',
    phase: 'primary',
    partnership: 'North',
    year: '2018/19',
    values: { pupils: 100 },
    ...over,
  });
  const json = (schools: unknown[]) =>
    JSON.stringify({
      format: 'school-rag-dataset',
      version: 1,
      sources: [],
      extraColumns: [],
      schools,
    });
  const jsonProblems = (text: string) => {
    try {
      readCanonicalJson(text, 'data.json');
    } catch (e) {
      if (e instanceof ImportError) return e.problems.map((p) => `${p.column}: ${p.message}`);
      throw e;
    }
    return [];
  };

  it('JSON: duplicates, wrong types, a missing authority, Infinity and negative counts', () => {
    expect(jsonProblems(json([school({}), school({ name: 'Again' })]))).toEqual([
      'schools[1].urn: URN 1 appears again for 2018/19 (first at schools[0])',
    ]);
    expect(jsonProblems(json([school({ name: { first: 'A' } })]))).toEqual([
      'schools[0].name: must be text',
    ]);
    expect(jsonProblems(json([school({ laCode: undefined })]))).toEqual([
      'schools[0].laCode: must be a non-empty string',
    ]);
    expect(jsonProblems(json([school({ groupings: { trust: 7 } })]))).toEqual([
      'schools[0].groupings.trust: must be text',
    ]);
    // 1e400 is valid JSON and parses as Infinity
    expect(jsonProblems(json([school({})]).replace('"pupils":100', '"pupils":1e400'))).toEqual([
      'schools[0].values.pupils: must be a finite number',
    ]);
    expect(jsonProblems(json([school({ values: { pupils: -5 } })]))).toEqual([
      'schools[0].values.pupils: -5 is negative: a count or share cannot be',
    ]);
    // 1e308 is finite, but no school has that many pupils
    expect(jsonProblems(json([school({ values: { pupils: 1e308, fsm_pct: 150 } })]))).toEqual([
      'schools[0].values.pupils: 1e+308 is outside the plausible range 0 to 10,000',
      'schools[0].values.fsm_pct: 150 is outside the plausible range 0 to 100',
    ]);
    expect(jsonProblems(json([null]))).toEqual(['schools[0].: must be an object']);
  });

  it('CSV: a negative pupil number is named by row and column (fast path and full reader alike)', () => {
    const text = csv('1,A,850,H,primary,N,2018/19,-3,100,10,4,');
    expect(problemsOf(text)).toEqual([
      {
        file: 'data.csv',
        row: 2,
        column: 'pupils',
        message: '-3 is negative: a count or share cannot be',
      },
    ]);
    expect(() => readCanonicalTable(text, 'data.csv')).toThrow(ImportError);
  });

  it("CSV: a value outside its column's plausible range is named by row and column, never rated", () => {
    const text = csv('1,A,850,H,primary,N,2018/19,100,100,150,4,');
    expect(problemsOf(text)).toEqual([
      {
        file: 'data.csv',
        row: 2,
        column: 'fsm_pct',
        message: '150 is outside the plausible range 0 to 100',
      },
    ]);
    expect(() => readCanonicalTable(text, 'data.csv')).toThrow(ImportError);
  });
});
