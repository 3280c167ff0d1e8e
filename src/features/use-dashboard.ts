/**
 * Everything a view needs: loaded data and rules (react-query), derived ratings and roll-ups
 * (react-query over the worker), and the filters from the URL. Views only display this.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { datasetQueryOptions, type DatasetSource } from '../api/dataset';
import { rollupQueryOptions, schoolRatingsQueryOptions } from '../api/ratings';
import { rulesQueryOptions } from '../api/rules';
import type { Filter } from '../domain/rated-view';
import { isPhase, type Phase } from '../domain/types';
import { EMPTY_OPTIONS } from '../domain/table/options';
import { useViewState } from '../state/url-state';
import { activeSet, useRulesStore } from '../state/rules-store';
import type { RuleSet } from '../domain/rules/schema';

export function useDashboard() {
  const vs = useViewState();
  const source: DatasetSource = vs.params.get('source') === 'uploaded' ? 'uploaded' : 'demo';
  const data = useQuery(datasetQueryOptions(source));
  const preset = useQuery(rulesQueryOptions());
  // A rule set the user saved and chose wins over the shipped preset.
  const active = useRulesStore((s) => activeSet(s));
  const rules: { data: RuleSet | undefined; isError: boolean; error: unknown } = active
    ? { data: active.rules, isError: false, error: null }
    : preset;
  // The data page rates nothing: the worker is left to the import.
  const rateOptions = schoolRatingsQueryOptions(data.data, rules.data);
  const ratings = useQuery({
    ...rateOptions,
    enabled: rateOptions.enabled !== false && vs.view !== 'data',
  });

  const options = data.data?.options ?? EMPTY_OPTIONS;

  // With no year chosen, the latest year with results to rate (not a census year alone), as
  // the worker found it while rating; before the ratings come, the latest year.
  const landing = ratings.data?.landingYear ?? options.years.at(-1) ?? '';
  const p = vs.params;
  const year =
    p.get('year') && options.years.includes(p.get('year') as string)
      ? (p.get('year') as string)
      : landing;
  const phaseParam = p.get('phase') ?? '';
  const phase: Phase | undefined = isPhase(phaseParam) ? phaseParam : undefined;
  const laCode = p.get('la') || undefined;
  const grouping = options.groupings.includes(p.get('grouping') ?? '')
    ? (p.get('grouping') as string)
    : 'partnership';
  const filter: Filter = useMemo(
    () => makeFilter(year, grouping, phase, laCode),
    [year, grouping, phase, laCode],
  );
  const rollups = useQuery(rollupQueryOptions(ratings.data, data.data, rules.data, filter));

  // The next filter someone picks is probably another phase: its roll-up is worked out in the
  // worker ahead of time, so the change shows at once.
  const client = useQueryClient();
  const settled = rollups.isSuccess && !rollups.isPlaceholderData;
  useEffect(() => {
    if (!settled || !ratings.data) return;
    // Sent at once, ahead of the list below the fold (background work in the worker): the
    // filter a person picks next is then usually worked out already.
    for (const p of [undefined, ...options.phases])
      if (p !== phase)
        void client.prefetchQuery(
          rollupQueryOptions(
            ratings.data,
            data.data,
            rules.data,
            makeFilter(year, grouping, p, laCode),
          ),
        );
  }, [
    settled,
    ratings.data,
    data.data,
    rules.data,
    options.phases,
    year,
    grouping,
    phase,
    laCode,
    client,
  ]);

  return { vs, source, data, preset, active, rules, ratings, rollups, filter, options };
}

export type Dashboard = ReturnType<typeof useDashboard>;

export const GROUPING_LABELS: Record<string, string> = {
  partnership: 'Partnership (default)',
  district: 'District',
  trust: 'Trust',
  federation: 'Federation',
  sponsor: 'Sponsor',
  uploaded: 'Uploaded partnerships',
};

/** The groups of a grouping, as a heading says them: "Partnerships", "Trusts", "Uploaded partnerships". */
export function groupingPlural(grouping: string | undefined): string {
  const g = grouping ?? 'partnership';
  if (g === 'partnership') return 'Partnerships';
  if (g === 'uploaded') return 'Uploaded partnerships';
  const label = GROUPING_LABELS[g] ?? g.replace(/_/g, ' ');
  return `${label[0]?.toUpperCase() ?? ''}${label.slice(1)}s`;
}

/** A filter, its keys always in one order (the worker caches roll-ups by its JSON). */
export function makeFilter(year: string, grouping: string, phase?: Phase, laCode?: string): Filter {
  return { year, grouping, ...(phase ? { phase } : {}), ...(laCode ? { laCode } : {}) };
}
