/**
 * The import command: the browser's importers over real files on disk, the report printed, the
 * canonical dataset written; a file that cannot be read writes nothing and exits non-zero.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/run-import';
import { SHARED_DATA } from '../../src/cli/build/sources';
import { readCanonical } from '../../src/import/canonical';
import { describeWithSharedData } from '../helpers/shared-data';

function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runImport(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}
const outPath = (name: string) => join(mkdtempSync(join(tmpdir(), 'import-')), name);

describeWithSharedData('npm run import on real files', () => {
  const D = `${SHARED_DATA}/gias-2022-hampshire-surrey`;
  it('writes the canonical dataset and prints the report, with a year per file', () => {
    const out = outPath('dataset.csv');
    const r = run([
      '--out',
      out,
      '--year',
      `${D}/2018-850-ks2.csv=2018-19`,
      `${D}/gias_20220420_850_936_primary.csv`,
      `${D}/2018-850-ks2.csv`,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /2018-850-ks2\.csv\n {2}recognised as: KS2 performance tables .*year 2018\/19/,
    );
    const ds = readCanonical(readFileSync(out, 'utf8'), out);
    const anstey = ds.schools.find((s) => s.urn === '115851' && s.year === '2018/19');
    expect(anstey?.values).toMatchObject({ ks2_rwm_exp_pct: 63, capacity: 256, ks2_cohort: 60 });
    expect(r.stderr).toMatch(/^wrote \d+ school-years -> /m);
  });

  it('writes nothing and exits 1 when a file cannot be read (its year unknown)', () => {
    const out = outPath('dataset.csv');
    const r = run([
      '--out',
      out,
      `${D}/gias_20220420_850_936_primary.csv`,
      `${D}/2018-850-ks2.csv`,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /PROBLEM .*2018-850-ks2\.csv: the academic year of this file is not known/,
    );
    expect(r.stderr).toMatch(/could not be read .*nothing written/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('npm run import usage', () => {
  it('names a bad year and an unknown option', () => {
    expect(run(['--out', 'x.csv', '--year', '2018-20', 'a.csv'])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--year 2018-20: "2018-20" is not an academic year/),
    });
    expect(run(['--out', 'x.csv', '--year', 'b.csv=2018/19', 'a.csv']).stderr).toMatch(
      /b\.csv is not one of the files given/,
    );
    expect(run(['--bogus', 'a.csv']).code).toBe(2);
    expect(run(['--out', outPath('x.csv'), '/nonexistent/file.csv'])).toMatchObject({
      code: 1,
      stderr: '/nonexistent/file.csv: no such file\n',
    });
  });
});
