/**
 * Ratings are derived from data + rules (never stored): the data worker rates and keeps the
 * ratings; the page is told that a rule set is rated (and the year to open on), then asks for
 * the roll-ups and whatever else it shows. Cached by react-query under the identity of their
 * inputs.
 */
import { queryOptions } from '@tanstack/react-query';
import type { GroupArrays } from '../domain/engine/rollup-table';
import type { Filter } from '../domain/rated-view';
import { usesEngland } from '../domain/rules/compile';
import { loadEngland } from './benchmarks';
import type { RuleSet } from '../domain/rules/schema';
import type { WhatIf } from '../domain/what-if';
import type { ClauseUse } from '../domain/engine/clause-use';
import { ask } from './data-client';
import { idOf, keyOf } from './identity';
import { priorYearOf } from '../domain/year-on-year';
import type { LoadedDataset } from './dataset';
import type { RateAnswer } from '../workers/data-service';

/** A rule set rated in the worker: which rules, and the latest year with results to rate. */
export interface Rated extends RateAnswer {
  rules: RuleSet;
}

export function schoolRatingsQueryOptions(
  data: LoadedDataset | undefined,
  rules: RuleSet | undefined,
) {
  return queryOptions({
    queryKey: ['ratings', ...keyOf(data, rules)],
    enabled: !!data && !!rules,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    queryFn: async ({ client }): Promise<Rated> => {
      const d = data as LoadedDataset;
      const r = rules as RuleSet;
      // Rules that band against England need the shipped England figures, here and in the worker.
      const england = usesEngland(r) ? await loadEngland(client) : undefined;
      const answer = (await ask({
        kind: 'rate',
        key: d.key,
        rulesKey: idOf(r),
        rules: r,
        ...(england ? { england } : {}),
      })) as RateAnswer;
      return { ...answer, rules: r };
    },
  });
}

/**
 * A filter's roll-up, with the labels of the performance indicators rated under the same
 * filter the year before (undefined when the data has no earlier year).
 */
export type Rollup = GroupArrays & { ratedBefore: string[] | undefined; rated: Rated };

export function rollupQueryOptions(
  ratings: Rated | undefined,
  data: LoadedDataset | undefined,
  rules: RuleSet | undefined,
  filter: Filter,
) {
  return queryOptions<Rollup>({
    // While a new filter's roll-up is worked out the previous one stays on screen (marked as
    // updating), rather than the whole view being torn down and built again.
    placeholderData: (previous) => (previous?.rated === ratings ? previous : undefined),
    queryKey: ['rollup', ...keyOf(data, rules), filter],
    enabled: !!ratings && !!data && !!rules,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    queryFn: async (): Promise<Rollup> => {
      const d = data as LoadedDataset;
      const rulesKey = idOf(rules as RuleSet);
      // With what the year before rested on, asked at the same time: the view says when the
      // two years are not like for like, in the same frame as the counts.
      const priorYear = priorYearOf(filter, d.options.years);
      const [arrays, ratedBefore] = await Promise.all([
        ask({ kind: 'rollup', key: d.key, rulesKey, filter }) as Promise<GroupArrays>,
        priorYear
          ? (ask({
              kind: 'ratedon',
              key: d.key,
              rulesKey,
              filter: { ...filter, year: priorYear },
            }) as Promise<string[]>)
          : undefined,
      ]);
      return { ...arrays, ratedBefore, rated: ratings as Rated };
    },
  });
}

/** Works out a rating and a roll-up ahead of need (e.g. while an import report is read). */
export async function prefetchRatings(key: string, rules: RuleSet): Promise<void> {
  const rulesKey = idOf(rules);
  const { landingYear } = (await ask({ kind: 'rate', key, rulesKey, rules })) as RateAnswer;
  // The filter the dashboard opens on (the keys in makeFilter's order: the worker caches
  // roll-ups by the filter's JSON).
  await ask({
    kind: 'rollup',
    key,
    rulesKey,
    filter: { year: landingYear, grouping: 'partnership' },
  });
}

/** The what-if of a draft against the saved rules, in the worker; keyed by the draft's identity. */
export function whatIfQueryOptions(
  data: LoadedDataset | undefined,
  saved: RuleSet | undefined,
  draft: RuleSet | undefined,
  filter: Filter,
) {
  return queryOptions({
    queryKey: ['what-if', ...keyOf(data, saved), draft ? idOf(draft) : 0, filter],
    enabled: !!data && !!saved && !!draft && draft !== saved,
    staleTime: Infinity,
    gcTime: 30_000,
    retry: false,
    queryFn: async ({ client }): Promise<WhatIf> => {
      const england = usesEngland(draft as RuleSet) ? await loadEngland(client) : undefined;
      return (await ask({
        kind: 'whatif',
        key: (data as LoadedDataset).key,
        rulesKey: idOf(saved as RuleSet),
        draft: draft as RuleSet,
        filter,
        ...(england ? { england } : {}),
      })) as WhatIf;
    },
  });
}

/** How often each clause of the saved rules fires on the filter's schools, from the worker. */
export function clauseUseQueryOptions(
  ratings: Rated | undefined,
  data: LoadedDataset | undefined,
  saved: RuleSet | undefined,
  filter: Filter,
) {
  return queryOptions({
    queryKey: ['clause-use', ...keyOf(data, saved), filter],
    // Once the saved rules are rated (the worker then knows them).
    enabled: !!data && !!saved && ratings?.rules === saved,
    staleTime: Infinity,
    gcTime: 30_000,
    retry: false,
    queryFn: async (): Promise<ClauseUse> =>
      (await ask({
        kind: 'clauseuse',
        key: (data as LoadedDataset).key,
        rulesKey: idOf(saved as RuleSet),
        filter,
      })) as ClauseUse,
  });
}
