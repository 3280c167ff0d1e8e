/**
 * Fuzzing the importers with fast-check: random bytes, random CSV shapes, real headers with
 * random cells, huge cells and mixed encodings. They never throw, never hang, and every row is
 * accounted for (merged or skipped with a reason).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/import/import-files';
import { readCanonical } from '../../src/import/canonical';
import { ImportError } from '../../src/import/problems';
import { reportsBalance } from '../../src/import/report-text';
import { toCsv } from '../../src/import/csv';

fc.configureGlobal({ seed: 424242, numRuns: 120, interruptAfterTimeLimit: 20_000 });

const HEADERS = [
  ['URN', 'LA', 'SCHOOLTYPE', 'NOR', 'PNUMFSMEVER'],
  ['LA', 'ESTAB', 'URN', 'PERCTOT', 'PPERSABS10'],
  ['RECTYPE', 'URN', 'SCHNAME', 'PTRWM_EXP', 'READPROG', 'WRITPROG', 'MATPROG'],
  [
    'URN',
    'LA (code)',
    'LA (name)',
    'EstablishmentName',
    'EstablishmentStatus (name)',
    'PhaseOfEducation (name)',
    'TypeOfEstablishment (name)',
    'SchoolCapacity',
    'NumberOfPupils',
    'Easting',
    'Northing',
  ],
  ['urn', 'partnership'],
  ['urn', 'condition_cost_per_m2', 'condition_grade'],
  ['OLD_URN', 'LATEST_URN'],
  ['urn', 'name', 'la_code', 'la_name', 'phase', 'partnership', 'year', 'pupils'],
];

const cell = fc.oneof(
  fc.constantFrom(
    '',
    'SUPP',
    'NE',
    'x',
    ':',
    '92%',
    '100000',
    '100001.0',
    '850',
    'Open',
    'Closed',
    'Primary',
    'Community school',
    'State-funded primary',
    '1',
    '2',
    'A',
    'E',
    '-0.5',
    '1e308',
    '"',
    '""',
    ',',
    '\n',
    '\r\n',
    'é',
    '\uFEFF',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1000, max: 200000 }).map(String),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);

const tableArb = fc
  .tuple(
    fc.constantFrom(...HEADERS),
    fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 25 }),
  )
  .map(([header, rows]) => toCsv([header, ...rows], false));

const encode = fc.constantFrom('utf8', 'bom', 'latin') as fc.Arbitrary<'utf8' | 'bom' | 'latin'>;
function bytesOf(text: string, how: 'utf8' | 'bom' | 'latin'): Uint8Array {
  if (how === 'latin') return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
  const b = new TextEncoder().encode(text);
  return how === 'bom' ? new Uint8Array([0xef, 0xbb, 0xbf, ...b]) : b;
}

describe('importer fuzzing', () => {
  it('random bytes: never throws, every row accounted for', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 3000 }),
        fc.option(fc.constantFrom('2018/19'), { nil: undefined }),
        (bytes, year) => {
          const r = importFiles([{ name: 'random.csv', bytes, ...(year ? { year } : {}) }]);
          expect(reportsBalance(r.reports)).toBe(true);
        },
      ),
    );
  });

  it('recognisable headers with random, huge or malformed cells, several files at once, mixed encodings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(tableArb, encode), { minLength: 1, maxLength: 4 }),
        (tables) => {
          const files = tables.map(([t, how], i) => ({
            name: `f${i}-2018-19.csv`,
            bytes: bytesOf(t, how),
          }));
          const r = importFiles(files);
          expect(reportsBalance(r.reports)).toBe(true);
          for (const s of r.dataset.schools) {
            expect(s.urn).toMatch(/^\d+$/);
            for (const v of Object.values(s.values)) expect(Number.isFinite(v)).toBe(true);
          }
        },
      ),
    );
  });

  it('canonical reader: either a dataset or an ImportError naming where, never another exception', () => {
    fc.assert(
      fc.property(tableArb, (text) => {
        try {
          readCanonical(text, 'x.csv');
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError);
          expect((e as ImportError).problems.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('a truncated file (cut mid-row) is read with the short row reported, not dropped silently', () => {
    const text = 'URN,LA,ESTAB,PERCTOT,PPERSABS10\n100000,201,3614,2.6,3.4\n100001,201,60';
    const r = importFiles([{ name: 'abs-2018-19.csv', bytes: new TextEncoder().encode(text) }]);
    const report = r.reports[0]!;
    expect(report.rowsRead).toBe(2);
    expect(report.notes.join(' ')).toMatch(/1 rows have fewer cells than the header/);
    expect(reportsBalance(r.reports)).toBe(true);
  });
});
