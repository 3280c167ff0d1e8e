import { describe, expect, it } from 'vitest';
import {
  evaluateFormula,
  formulaColumns,
  FormulaError,
  parseFormula,
} from '../../src/domain/formula';

const evalWith = (src: string, vals: Record<string, number | undefined>) =>
  evaluateFormula(parseFormula(src), (c) => vals[c]);

describe('formula', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['-2 - -3', 1],
    ['10 / 4', 2.5],
    ['2 * -(3 + 1)', -8],
    ['1.5e2 / .5', 300],
    ['8 - 2 - 1', 5],
    ['16 / 4 / 2', 2],
  ])('%s = %d', (src, expected) => {
    expect(evalWith(src, {})).toBe(expected);
  });

  it('computes surplus places from columns', () => {
    expect(evalWith('(capacity - pupils) / capacity * 100', { capacity: 200, pupils: 150 })).toBe(
      25,
    );
    expect([...formulaColumns(parseFormula('(capacity - pupils) / capacity'))]).toEqual([
      'capacity',
      'pupils',
    ]);
  });

  it('is missing, not zero, when an input is missing or a division is by zero', () => {
    expect(evalWith('capacity - pupils', { capacity: 200 })).toBeUndefined();
    expect(evalWith('(capacity - pupils) / capacity', { capacity: 0, pupils: 0 })).toBeUndefined();
  });

  it.each([
    ['1 +', 'ends early'],
    ['(1 + 2', 'expected ")"'],
    ['1 + 2)', 'unexpected ")"'],
    ['alert(1); 2', 'unexpected character ";" at position 9'],
    ['a ** 2', 'unexpected "*"'],
    ['process.exit()', 'unexpected character "."'],
    ['1 2', 'unexpected "2"'],
  ])('rejects %s with a positioned message', (src, message) => {
    expect(() => parseFormula(src)).toThrow(FormulaError);
    expect(() => parseFormula(src)).toThrow(message);
  });

  it('rejects absurdly deep nesting instead of overflowing the stack', () => {
    expect(() => parseFormula('('.repeat(200) + '1' + ')'.repeat(200))).toThrow(
      /nested too deeply/,
    );
  });
});
