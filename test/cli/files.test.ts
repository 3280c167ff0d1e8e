/** The CLI reads a canonical dataset from disk in pieces, and leaves problems to the full reader. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCanonicalTableFile, writeAtomicLines } from '../../src/cli/files';
import { readCanonicalTable } from '../../src/import/canonical-table';
import { allTexts } from '../../src/domain/table/text-column';
import { ImportError } from '../../src/import/problems';

const dir = mkdtempSync(join(tmpdir(), 'files-'));
const demo = readFileSync('public/data/demo/dataset.csv', 'utf8');

describe('readCanonicalTableFile', () => {
  it('gives the table the whole text gives', () => {
    const path = join(dir, 'demo.csv');
    writeFileSync(path, demo);
    expect(readCanonicalTableFile(path)).toEqual(readCanonicalTable(demo, path));
  });

  it('names the row and column of a problem, as the full reader does', () => {
    const path = join(dir, 'bad.csv');
    const lines = demo.split('\n');
    lines[3] = lines[3]!.replace(/,2018\/19,(\d+),/, ',2018/19,-$1,');
    writeFileSync(path, lines.join('\n'));
    let problems: string[] = [];
    try {
      readCanonicalTableFile(path);
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      problems = e.problems.map((p) => `${p.file} ${p.row} ${p.column}`);
    }
    expect(problems).toEqual([`${path} 4 pupils`]);
  });

  it('reads a Windows-1252 file the way the full reader does', () => {
    const path = join(dir, 'cp1252.csv');
    const text = demo.replace('Anstey Junior School', 'Anstey Junïor School');
    writeFileSync(path, Buffer.from(text, 'latin1'));
    const t = readCanonicalTableFile(path);
    expect(allTexts(t.name)).toContain('Anstey Junïor School');
  });
});

describe('writeAtomicLines', () => {
  it('writes lines as they come, past the size of one batch', () => {
    const path = join(dir, 'out.csv');
    const line = 'x'.repeat(999);
    function* lines() {
      for (let k = 0; k < 3000; k++) yield `${k},${line}`;
    }
    expect(writeAtomicLines(path, lines(), '\r\n')).toBe(3000);
    const text = readFileSync(path, 'utf8');
    expect(text.split('\r\n')).toHaveLength(3001);
    expect(text.endsWith('2999,' + line + '\r\n')).toBe(true);
  });

  it('leaves neither the file nor a part of it when the lines fail midway', () => {
    const sub = mkdtempSync(join(dir, 'fail-'));
    const path = join(sub, 'out.csv');
    function* lines() {
      for (let k = 0; k < 3000; k++) {
        if (k === 2500) throw new Error('explaining row 2500 failed');
        yield 'y'.repeat(999);
      }
    }
    expect(() => writeAtomicLines(path, lines())).toThrow('explaining row 2500 failed');
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(sub)).toEqual([]);
  });
});
