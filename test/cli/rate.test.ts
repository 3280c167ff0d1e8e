import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRate } from '../../src/cli/run-rate';

const RULES = 'public/data/rules/essex-style.json';
const HEADER =
  'urn,name,la_code,la_name,phase,partnership,year,pupils,capacity,absence_pct,persistent_absence_pct';

function run(args: string[]) {
  let stderr = '';
  const code = runRate(args, { stdout: () => undefined, stderr: (s) => (stderr += s) });
  return { code, stderr };
}

describe('rate command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rate-cli-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('writes ratings for schools, partnerships and the authority, with counts for groups', () => {
    const data = write(
      'ok.csv',
      [
        HEADER,
        '1,A,850,Hants,primary,North,2018/19,50,100,4,16',
        '2,B,850,Hants,primary,North,2018/19,200,210,5,8',
      ].join('\n'),
    );
    const out = join(dir, 'ok-out.csv');
    expect(run(['--rules', RULES, '--out', out, data]).code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe('level,id,indicator,year,value,rating,reason,red,amber,green,none');
    // pupil-weighted: (16 x 50 + 8 x 200) / 250 = 9.6
    expect(lines).toContain(
      'school,1,school_size,2018/19,50,red,School size 50 pupils is below 60 pupils: red,,,,',
    );
    expect(lines).toContain(
      'partnership,North,persistent_absence,2018/19,9.6,red,"Persistent absence: 1 of 2 rated schools red (50%, at least 25%): red",1,0,1,0',
    );
    expect(lines.some((l) => l.startsWith('authority,850,overall,2018/19,'))).toBe(true);
  });

  it('rejects bad data naming file, row and column, and writes nothing', () => {
    const data = write(
      'bad.csv',
      [
        HEADER,
        '1,A,850,Hants,primary,North,2018/19,50,100,4,16',
        '2,B,850,Hants,primary,North,2018/19,lots,210,5,8',
      ].join('\n'),
    );
    const out = join(dir, 'bad-out.csv');
    const { code, stderr } = run(['--rules', RULES, '--out', out, data]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${data}, row 3, column pupils: "lots" is not a number or a DfE missing-value code`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('rejects bad rules naming the field path', () => {
    const rules = JSON.parse(readFileSync(RULES, 'utf8'));
    rules.indicators[0].clauses[0].when.quantile = 1.5;
    const bad = write('rules.json', JSON.stringify(rules));
    const { code, stderr } = run([
      '--rules',
      bad,
      '--out',
      join(dir, 'x.csv'),
      write('d.csv', HEADER),
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/indicators\[0\]\.clauses\[0\]\.when\.quantile: /);
  });

  it('is never silent: an unknown option, an unknown grouping, an empty file, a rule on a column without values', () => {
    const data = write(
      'ok.csv',
      [HEADER, '1,A,850,Hants,primary,North,2018/19,50,100,4,16'].join('\n'),
    );
    const out = join(dir, 'never-silent.csv');
    const unknown = run(['--rules', RULES, '--out', out, '--colour', data]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^unknown option --colour\nusage:/);
    const grouping = run(['--rules', RULES, '--out', out, '--grouping', 'trust', data]);
    expect(grouping.code).toBe(2);
    expect(grouping.stderr).toContain(
      `--grouping "trust": ${data} has no grouping_trust column; it has partnership`,
    );
    const empty = run(['--rules', RULES, '--out', out, write('empty.csv', `${HEADER}\n`)]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/empty\.csv: no school-years in the file, nothing to rate/);
    expect(existsSync(out)).toBe(false);
    const ok = run(['--rules', RULES, '--out', out, data]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain(
      'warning: indicator attainment_ks2 (KS2 RWM expected standard) reads ks2_rwm_exp_pct, which no school in the file has a value for',
    );
    expect(ok.stderr).not.toMatch(/indicator attendance /);
  });

  it('says what is missing from the command line', () => {
    expect(run(['--rules', RULES]).stderr).toMatch(
      /needs --rules, --out and one dataset file\nusage:/,
    );
    expect(run(['--rules', RULES, '--out', join(dir, 'y.csv'), join(dir, 'nope.csv')])).toEqual({
      code: 1,
      stderr: `${join(dir, 'nope.csv')}: no such file\n`,
    });
  });
});

describe('rate over the embedded demo', () => {
  it('rates every demo school-year and labels illustrative condition values', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'rate-demo-')), 'demo.csv');
    expect(run(['--rules', RULES, '--out', out, 'public/data/demo/dataset.csv']).code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\r\n');
    const schoolRows = lines.filter((l) => l.startsWith('school,'));
    expect(schoolRows.length).toBe(2894 * 14);
    const condition = lines.find((l) => l.startsWith('school,115851,building_condition,2018/19,'));
    expect(condition).toContain("(illustrative value, not the school's own data)");
    expect(lines.find((l) => l.startsWith('authority,850,building_condition,2018/19,'))).toContain(
      'includes illustrative values',
    );
  });

  it('rates England-scope rules on the shipped England figures, or says why it cannot', () => {
    const rules = JSON.parse(readFileSync(RULES, 'utf8')) as {
      indicators: { id: string; comparison?: { scope: string } }[];
    };
    rules.indicators.find((i) => i.id === 'attendance')!.comparison = { scope: 'england' };
    const dir = mkdtempSync(join(tmpdir(), 'rate-england-'));
    const rulesFile = join(dir, 'england-rules.json');
    writeFileSync(rulesFile, JSON.stringify(rules));
    const out = join(dir, 'england.csv');
    const ok = run(['--rules', rulesFile, '--out', out, 'public/data/demo/dataset.json']);
    expect(ok.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(
      'above the upper quartile 4.6% of 16,779 primary schools in England, 2018/19',
    );
    const missing = join(dir, 'none.csv');
    const bad = run([
      '--rules',
      rulesFile,
      '--benchmarks',
      join(dir, 'no-such.json'),
      '--out',
      missing,
      'public/data/demo/dataset.json',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no-such\.json: no such file/);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('rate progress', () => {
  it('says how far reading and writing have got, when someone watches', () => {
    const said: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'rate-progress-'));
    const out = join(dir, 'out.csv');
    const code = runRate(['--rules', RULES, '--out', out, 'public/data/demo/dataset.csv'], {
      stdout: () => undefined,
      stderr: () => undefined,
      progress: (s) => said.push(s),
    });
    expect(code).toBe(0);
    expect(said[0]).toMatch(/^reading public\/data\/demo\/dataset\.csv: \d+%$/);
    expect(said).toContain('reading public/data/demo/dataset.csv: 100%');
    const writing = said.filter((s) => s.startsWith(`writing ${out}: `));
    expect(writing.length).toBeGreaterThan(2);
    expect(writing.at(-1)).toBe(`writing ${out}: 100%`);
    // Each line says more than the last.
    const pct = writing.map((s) => Number(/(\d+)%$/.exec(s)?.[1]));
    expect(pct).toEqual([...pct].sort((a, b) => a - b));
  });
});
