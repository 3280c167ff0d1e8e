/**
 * Columns that changed name or meaning between years: read under their alias, labelled with
 * their definition, and a mapped column a file lacks is reported, never dropped silently.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/import-files';
import { readFile } from '../../src/import/read-file';
import { reportsBalance } from '../../src/import/report-text';
import { SHARED_DATA } from '../../src/cli/build/sources';
import { describeWithSharedData } from '../helpers/shared-data';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('persistent absence before 2015/16 (PPERSABS15)', () => {
  const file = 'test/fixtures/dfe/abs_pre2015_ppersabs15.csv';
  const parsed = readFile(file, readFileSync(file), { year: '2012/13' });

  it('is read, with its definition said in the report', () => {
    expect(parsed.report.kind).toBe('absence');
    const byUrn = new Map(parsed.contributions.map((c) => [c.urn, c]));
    expect(byUrn.get('100008')?.values).toEqual({ absence_pct: 5.4, persistent_absence_pct: 5.8 });
    expect(byUrn.get('136807')?.missingCodes).toEqual({ persistent_absence_pct: 'SUPP' });
    expect(parsed.report.definitions.persistent_absence_pct).toMatch(/15% or more of sessions/);
    expect(parsed.report.notes.join('\n')).toMatch(
      /persistent absence % read from PPERSABS15: .*15%.*not comparable with values of the usual definition/,
    );
  });

  it('carries the definition into the dataset sources', () => {
    // A census of the same schools gives their phase and LA (columns of the 2018/19 census).
    const census = bytes(
      'URN,LA,SCHOOLTYPE,NOR,PNUMFSMEVER\n100008,202,State-funded primary,400,30\n100009,202,State-funded primary,300,20\n',
    );
    const r = importFiles([
      { name: file, bytes: readFileSync(file), year: '2012/13' },
      { name: 'census.csv', bytes: census, year: '2012/13' },
    ]);
    const src = r.dataset.sources.find((s) => s.column === 'persistent_absence_pct');
    expect(src?.definition).toMatch(/until 2014\/15/);
    expect(r.dataset.sources.find((s) => s.column === 'absence_pct')?.definition).toBeUndefined();
  });
});

describe('a mapped column the file lacks', () => {
  it('is named in the report with what will have no data', () => {
    const r = readFile('abs.csv', bytes('LA,ESTAB,URN,PERCTOT\n850,2000,100000,4.1\n'), {
      year: '2018/19',
    });
    expect(r.report.notes).toContain(
      'column PPERSABS10 or PPERSABS15 not found: persistent absence % will have no data from this file',
    );
  });
});

describeWithSharedData('renamed, dropped and reordered columns of real files', () => {
  // The first rows of two real files: every row accounted for, every missing column reported.
  const real = [
    `${SHARED_DATA}/dfe-2018-19/england_abs.csv`,
    `${SHARED_DATA}/gias-2022-hampshire-surrey/2018-850-ks2.csv`,
  ].map((path) => {
    const lines = readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .slice(0, 40);
    return { path, header: lines[0]!.split(','), rows: lines.slice(1).filter(Boolean) };
  });
  it('never loses a row or a column without a word', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...real),
        fc.infiniteStream(fc.constantFrom('keep', 'keep', 'keep', 'drop', 'rename')),
        fc.boolean(),
        (file, fates, reverse) => {
          // Columns that identify the file's kind stay (else it is another kind, or none).
          const keepAlways = new Set(['URN', 'RECTYPE', 'READPROG', 'MATPROG', 'PERCTOT', 'LA']);
          const it = fates[Symbol.iterator]();
          const plan = file.header.map((h) => (keepAlways.has(h) ? 'keep' : it.next().value));
          const cols = file.header.flatMap((h, i) =>
            plan[i] === 'drop' ? [] : [{ i, name: plan[i] === 'rename' ? `${h}_RENAMED` : h }],
          );
          if (reverse) cols.reverse();
          const text = [
            cols.map((c) => c.name).join(','),
            ...file.rows.map((row) => {
              const cells = row.split(',');
              return cols.map((c) => cells[c.i] ?? '').join(',');
            }),
          ].join('\n');
          const result = importFiles([{ name: 'f_2018-19.csv', bytes: bytes(text) }]);
          expect(reportsBalance(result.reports)).toBe(true);
          const notes = result.reports.flatMap((r) => r.notes).join('\n');
          // Each mapped source column that is gone is named.
          for (const source of ['PPERSABS10', 'PERCTOT', 'PTRWM_EXP', 'WRITPROG', 'TELIG']) {
            const i = file.header.indexOf(source);
            if (i >= 0 && plan[i] !== 'keep') expect(notes).toContain(source);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('GIAS links file', () => {
  it('gives successors from Successor and Predecessor rows, and counts the other link types', () => {
    const file = 'test/fixtures/dfe/gias_links_shape.csv';
    const parsed = readFile(file, readFileSync(file));
    expect(parsed.report.kind).toBe('gias-links');
    expect(Object.fromEntries(parsed.urnSuccessors ?? [])).toEqual({
      '100111': '143211',
      '100112': '143601',
      '100128': '145210',
    });
    expect(
      parsed.report.skipped['link type "Sixth Form Centre Link" gives no successor']?.count,
    ).toBe(1);
    expect(reportsBalance([parsed.report])).toBe(true);
  });

  it("moves an old URN's rows to its successor when merging", () => {
    const links = 'test/fixtures/dfe/gias_links_shape.csv';
    const census = bytes(
      'URN,LA,SCHOOLTYPE,NOR,PNUMFSMEVER\n143211,202,State-funded primary,400,30\n',
    );
    const absence = bytes('LA,ESTAB,URN,PERCTOT,PPERSABS10\n202,2000,100111,4.1,9\n');
    const r = importFiles([
      { name: links, bytes: readFileSync(links) },
      { name: 'census_2018-19.csv', bytes: census },
      { name: 'abs_2018-19.csv', bytes: absence },
    ]);
    expect(r.dataset.schools.find((s) => s.urn === '143211')?.values).toMatchObject({
      pupils: 400,
      absence_pct: 4.1,
    });
  });
});

describe('a value outside its column’s plausible range in a DfE file', () => {
  it('is reported with the row and the source column, and its row is not rated', () => {
    const r = readFile(
      'abs_2018-19.csv',
      bytes(
        'LA,ESTAB,URN,PERCTOT,PPERSABS10\n850,2000,100000,150,4\n850,2001,100001,4.1,1e308\n850,2002,100002,4.1,5\n',
      ),
    );
    expect(r.contributions.map((c) => c.urn)).toEqual(['100002']);
    expect(
      r.report.skipped['value outside the plausible range in column PERCTOT (0 to 100)'],
    ).toEqual({ count: 1, rows: [2] });
    expect(
      r.report.skipped['value outside the plausible range in column PPERSABS10 (0 to 100)'],
    ).toEqual({ count: 1, rows: [3] });
  });
});

describe('KS5 (16-18) results', () => {
  it('are recognised and said to be not used, every row counted, with no problem raised', () => {
    const file = 'test/fixtures/dfe/ks5_trimmed.csv';
    const parsed = readFile(file, readFileSync(file));
    expect(parsed.report).toMatchObject({
      kind: 'ks5',
      kindLabel: 'KS5 (16-18) performance tables: not used',
      rowsRead: 5,
      rowsMerged: 0,
      problems: [],
    });
    expect(parsed.report.skipped).toEqual({
      'not used: the dashboard has no 16-18 (KS5) indicator': { count: 5, rows: [2, 3, 4, 5, 6] },
    });
    expect(reportsBalance([parsed.report])).toBe(true);
    // Beside files that are used, it changes nothing and stops nothing.
    const census = bytes(
      'URN,LA,SCHOOLTYPE,NOR,PNUMFSMEVER\n143211,202,State-funded primary,400,30\n',
    );
    const r = importFiles([
      { name: file, bytes: readFileSync(file) },
      { name: 'census_2018-19.csv', bytes: census },
    ]);
    expect(r.dataset.schools.map((s) => s.urn)).toEqual(['143211']);
    expect(r.reports.flatMap((x) => x.problems)).toEqual([]);
  });
});
