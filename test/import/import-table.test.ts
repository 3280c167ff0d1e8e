/**
 * A canonical dataset imported by the fast scan holds the same school-years, values and sources
 * as the importers' merge gives for it (row order aside, and keeping the notes and illustrative
 * flags the merge drops); any other file set goes through the merge.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schoolYearAt } from '../../src/domain/table/from-school-years';
import { importFiles } from '../../src/import/import-files';
import {
  importBlobsToTable,
  importToTable,
  READ_IN_PIECES_FROM,
  type ImportProgress,
} from '../../src/import/import-table';
import { repeatedCsv } from '../../src/cli/repeat-csv';

const demo = () => [
  { name: 'demo.csv', bytes: new Uint8Array(readFileSync('public/data/demo/dataset.csv')) },
];

describe('importing files into the table', () => {
  it('a canonical CSV: the same school-years, values, sources and report as the merge', () => {
    const fast = importToTable(demo());
    const merged = importFiles(demo());
    const key = (s: { urn: string; year: string }) => `${s.urn}|${s.year}`;
    const byKey = new Map(merged.dataset.schools.map((s) => [key(s), s]));
    expect(fast.table.n).toBe(merged.dataset.schools.length);
    for (let i = 0; i < fast.table.n; i++) {
      const s = schoolYearAt(fast.table, i);
      const m = byKey.get(key(s));
      expect(m, key(s)).toBeDefined();
      expect(s.values).toEqual(m!.values);
      expect([s.name, s.laCode, s.laName, s.phase, s.partnership]).toEqual([
        m!.name,
        m!.laCode,
        m!.laName,
        m!.phase,
        m!.partnership,
      ]);
      expect(s.missingCodes ?? {}).toEqual(m!.missingCodes ?? {});
    }
    const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
    expect(sorted(fast.sources)).toEqual(sorted([...merged.dataset.sources]));
    expect(fast.extraColumns).toEqual([...merged.dataset.extraColumns]);
    expect(fast.reports).toEqual(merged.reports);
    // What the merge loses, the scan keeps: the demo's illustrative building condition values.
    expect(fast.table.illustrative.get('condition_cost_per_m2')?.some((f) => f === 1)).toBe(true);
  });

  it('anything else goes through the merge, which reports every row', () => {
    const bad = new TextEncoder().encode('urn,name,la_code,phase,year\n1,A,850,primary,\n');
    const r = importToTable([{ name: 'bad.csv', bytes: bad }]);
    expect(r.table.n).toBe(0);
    expect(r.reports[0]?.problems.length).toBeGreaterThan(0);
  });

  it('says how far it has got: a big canonical file bit by bit, several files one by one', () => {
    // The demo repeated under new URNs: about 70,000 rows.
    const { csv, rows } = repeatedCsv(
      readFileSync('public/data/demo/dataset.csv', 'utf8'),
      40,
      1_000_000,
    );
    const big = { name: 'big.csv', bytes: new TextEncoder().encode(csv) };
    const seen: ImportProgress[] = [];
    const r = importToTable([big], (p) => seen.push(p));
    expect(r.table.n).toBe(rows);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    const done = seen.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.every((d) => d > 0 && d < 1)).toBe(true);
    expect(seen.every((p) => p.step === 'reading' && p.file === 'big.csv')).toBe(true);

    const steps: string[] = [];
    importToTable(
      [
        ...demo(),
        {
          name: 'partnerships.csv',
          bytes: new TextEncoder().encode('urn,partnership\n115851,East Hampshire\n'),
        },
      ],
      (p) => steps.push(`${p.step} ${p.fileIndex + 1}/${p.files} ${p.file}`),
    );
    expect(steps).toEqual(['reading 1/2 demo.csv', 'reading 2/2 partnerships.csv', 'merging 3/2 ']);
  });
});

describe('files chosen in the browser, read by the worker', () => {
  it('a large canonical CSV read in pieces imports as the same file read whole', async () => {
    const text = readFileSync('public/data/demo/dataset.csv', 'utf8');
    const { csv } = repeatedCsv(text, Math.ceil(READ_IN_PIECES_FROM / text.length) + 1, 1_000_000);
    const bytes = new TextEncoder().encode(csv);
    expect(bytes.length).toBeGreaterThan(READ_IN_PIECES_FROM);
    const done: number[] = [];
    const inPieces = await importBlobsToTable([{ name: 'big.csv', blob: new Blob([bytes]) }], (p) =>
      done.push(p.done),
    );
    const whole = importToTable([{ name: 'big.csv', bytes }]);
    // Compared as bytes and joined text (a deep compare of 130,000 rows takes half a minute).
    const asBytes = (a: ArrayBufferView) =>
      Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
    const a = inPieces.table;
    const b = whole.table;
    expect(a.n).toBe(b.n);
    for (const k of ['urn', 'name'] as const) {
      expect(asBytes(a[k].bytes), k).toBe(asBytes(b[k].bytes));
      expect(asBytes(a[k].ends), k).toBe(asBytes(b[k].ends));
    }
    expect([...a.numeric.keys()]).toEqual([...b.numeric.keys()]);
    for (const [k, v] of a.numeric) expect(asBytes(v), k).toBe(asBytes(b.numeric.get(k)!));
    for (const k of ['laCode', 'laName', 'partnership', 'year'] as const) {
      expect(asBytes(a[k].codes), k).toBe(asBytes(b[k].codes));
      expect(a[k].dict).toEqual(b[k].dict);
    }
    expect([a.phase, a.lat, a.lon].map(asBytes)).toEqual([b.phase, b.lat, b.lon].map(asBytes));
    expect([...a.illustrative.keys()]).toEqual([...b.illustrative.keys()]);
    for (const [k, v] of a.illustrative)
      expect(asBytes(v), k).toBe(asBytes(b.illustrative.get(k)!));
    expect([...a.groupings.keys()]).toEqual([...b.groupings.keys()]);
    expect(a.missingCodes).toEqual(b.missingCodes);
    expect(a.notes).toEqual(b.notes);
    const { table: _a, ...restA } = inPieces;
    const { table: _b, ...restB } = whole;
    expect(restA).toEqual(restB);
    // Progress from the slices read, up to the whole file.
    expect(done.length).toBeGreaterThan(4);
    expect(done.at(-1)).toBe(1);
  });

  it('a small one, or files of other kinds, are read whole with their year', async () => {
    const bytes = readFileSync('public/data/demo/dataset.csv');
    const small = await importBlobsToTable([{ name: 'demo.csv', blob: new Blob([bytes]) }]);
    expect(small).toEqual(importToTable(demo()));
    const census = 'URN,LA,SCHOOLTYPE,NOR,PNUMFSMEVER\n143211,202,State-funded primary,400,30\n';
    const r = await importBlobsToTable([
      { name: 'census.csv', blob: new Blob([census]), year: '2018/19' },
    ]);
    expect(r.years).toEqual(['2018/19']);
  });
});
