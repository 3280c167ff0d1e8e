import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleSetText, validateRuleSet } from '../../../src/domain/rules/validate';
import { loadPresetJson } from '../../helpers/schools';

const preset = () => structuredClone(loadPresetJson());

function issuesOf(input: unknown) {
  const v = validateRuleSet(input);
  if (v.ok) throw new Error('expected invalid');
  return v.issues;
}

describe('validateRuleSet', () => {
  it('accepts the shipped Essex-style preset', () => {
    const text = readFileSync(
      new URL('../../../public/data/rules/essex-style.json', import.meta.url),
      'utf8',
    );
    expect(parseRuleSetText(text).ok).toBe(true);
  });

  it('names the field path of a bad comparison operator', () => {
    const r = preset();
    (r.indicators[3]!.clauses![0]!.when as { op: string }).op = '=<';
    expect(issuesOf(r)).toEqual([
      {
        path: 'indicators[3].clauses[0].when.op',
        message: 'Invalid option: expected one of "<"|"<="|">"|">="',
      },
    ]);
  });

  it('rejects a comparison with two thresholds', () => {
    const r = preset();
    r.indicators[4]!.clauses![0]!.when = { op: '>=', value: 15, quantile: 0.75 };
    expect(issuesOf(r)).toEqual([
      {
        path: 'indicators[4].clauses[0].when',
        message: 'needs exactly one of value, quantile or benchmark',
      },
    ]);
  });

  it('rejects an unsafe or malformed formula with its position', () => {
    const r = preset();
    r.indicators[2]!.formula = '(capacity - pupils) / capacity * 100; process.exit()';
    const [issue] = issuesOf(r);
    expect(issue?.path).toBe('indicators[2].formula');
    expect(issue?.message).toMatch(/position 37/);
  });

  it('rejects an unknown roll-up method and lists the known ones', () => {
    const r = preset();
    r.indicators[0]!.rollup.method = 'median';
    expect(issuesOf(r)).toEqual([
      {
        path: 'indicators[0].rollup.method',
        message: 'unknown roll-up method "median"; known: share, aggregate',
      },
    ]);
  });

  it('rejects duplicate ids, a phase without clauses and an unknown phase', () => {
    const r = preset();
    r.indicators[1]!.id = 'deprivation';
    delete r.indicators[1]!.byPhase!.secondary;
    const paths = issuesOf(r).map((i) => i.path);
    expect(paths).toContain('indicators[1].id');
    expect(paths).toContain('indicators[1].byPhase.secondary');
    const r2 = preset() as unknown as { indicators: { phases: unknown }[] };
    r2.indicators[1]!.phases = ['primary', 'infant'];
    expect(issuesOf(r2).map((i) => i.path)).toContain('indicators[1].phases[1]');
  });

  it('reports missing required fields and unknown fields by path', () => {
    const r = preset() as unknown as Record<string, unknown> & {
      indicators: Record<string, unknown>[];
    };
    delete r.indicators[0]!.label;
    r.indicators[0]!.colour = 'red';
    const paths = issuesOf(r).map((i) => i.path);
    expect(paths).toContain('indicators[0].label');
    expect(paths).toContain('indicators[0]');
  });

  it('reports JSON syntax errors instead of throwing', () => {
    const v = parseRuleSetText('{"name": ');
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues[0]?.message).toMatch(/not valid JSON/);
  });
});

describe('limits, checked before anything recurses', () => {
  const preset = () => JSON.parse(readFileSync('public/data/rules/essex-style.json', 'utf8'));
  const nested = (depth: number) => {
    let c: unknown = { op: '<', value: 1 };
    for (let i = 0; i < depth; i++) c = { all: [c] };
    return c;
  };

  it('a condition nested 1,000 deep gets a message with its path, not a stack overflow', () => {
    const rules = preset();
    rules.indicators[0].clauses[0].when = nested(1000);
    const v = validateRuleSet(rules);
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.issues).toEqual([
        { path: 'indicators[0].clauses[0].when', message: 'conditions nested more than 8 deep' },
      ]);
    // and from text, as a share link or a file arrives
    const t = parseRuleSetText(JSON.stringify(rules));
    expect(t.ok).toBe(false);
  });

  it('accepts the nesting the editor makes, and says when there are too many clauses', () => {
    const ok = preset();
    ok.indicators[0].clauses[0].when = nested(3);
    expect(validateRuleSet(ok).ok).toBe(true);
    const many = preset();
    many.indicators[0].clauses = Array.from({ length: 51 }, () => ({ rating: 'red' }));
    const v = validateRuleSet(many);
    expect(v.ok ? [] : v.issues).toEqual([
      { path: 'indicators[0].clauses', message: 'more than 50 clauses' },
    ]);
  });
});
