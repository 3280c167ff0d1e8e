import { readFileSync } from 'node:fs';
import { compileRules, type CompiledRules } from '../../src/domain/rules/compile';
import type { RuleSet } from '../../src/domain/rules/schema';
import { validateRuleSet } from '../../src/domain/rules/validate';
import type { Phase, SchoolYear } from '../../src/domain/types';

let counter = 0;

/** A school-year with sensible identity defaults; pass only the values a test is about. */
export function school(
  values: Record<string, number | undefined>,
  over: Partial<Omit<SchoolYear, 'values'>> = {},
): SchoolYear {
  counter++;
  return {
    urn: over.urn ?? String(100000 + counter),
    name: over.name ?? `School ${counter}`,
    laCode: over.laCode ?? '850',
    laName: over.laName ?? 'Hampshire',
    phase: over.phase ?? ('primary' as Phase),
    partnership: over.partnership ?? 'North',
    year: over.year ?? '2018/19',
    values,
    ...over,
  };
}

export function loadPresetJson(): RuleSet {
  const text = readFileSync('public/data/rules/essex-style.json', 'utf8');
  const v = validateRuleSet(JSON.parse(text));
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.rules;
}

export function loadPreset(): CompiledRules {
  return compileRules(loadPresetJson());
}

/** Only the named indicators of the preset (keeps table-driven tests focused). */
export function presetWith(...ids: string[]): CompiledRules {
  const rules = loadPresetJson();
  return compileRules({ ...rules, indicators: rules.indicators.filter((i) => ids.includes(i.id)) });
}
