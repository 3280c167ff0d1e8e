/** Rule presets, fetched and validated once; an invalid file fails with its field paths. */
import { queryOptions } from '@tanstack/react-query';
import type { RuleSet } from '../domain/rules/schema';
import { parseRuleSetText } from '../domain/rules/validate';
import { fetchText, LoadError } from './fetch-text';

export const PRESETS = { 'essex-style': 'data/rules/essex-style.json' } as const;
export type PresetId = keyof typeof PRESETS;

export function rulesQueryOptions(preset: PresetId = 'essex-style') {
  return queryOptions({
    queryKey: ['rules', preset],
    staleTime: Infinity,
    retry: false,
    queryFn: async (): Promise<RuleSet> => {
      const path = PRESETS[preset];
      const v = parseRuleSetText(await fetchText(path, 'the trigger rules'));
      if (!v.ok)
        throw new LoadError(
          `The trigger rules in ${path} are not valid:\n${v.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`,
        );
      return v.rules;
    },
  });
}
