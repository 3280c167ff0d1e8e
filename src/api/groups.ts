/**
 * Groups explained (with their reasons), asked of the data worker a page at a time: the page
 * holds each group's ratings, counts and aggregates (drawn at once), the worker the rows its
 * reasons are worked out from.
 */
import { queryOptions } from '@tanstack/react-query';
import type { GroupFigures } from '../domain/engine/explain-group';
import type { Filter } from '../domain/rated-view';
import type { RuleSet } from '../domain/rules/schema';
import { ask } from './data-client';
import type { LoadedDataset } from './dataset';
import { idOf, keyOf } from './identity';
import type { Rated } from './ratings';

/** Groups per page of the heatmap (and per request for their reasons). */
export const GROUP_PAGE = 25;

export function groupFiguresQueryOptions(
  ratings: Rated | undefined,
  data: LoadedDataset | undefined,
  rules: RuleSet | undefined,
  filter: Filter,
  groups: readonly number[],
) {
  return queryOptions({
    queryKey: ['groups', ...keyOf(data, rules), filter, groups],
    // Once these rules are rated (the worker then knows them).
    enabled: !!data && !!rules && ratings?.rules === rules && groups.length > 0,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    queryFn: async (): Promise<GroupFigures[]> =>
      (await ask({
        kind: 'groups',
        key: (data as LoadedDataset).key,
        rulesKey: idOf(rules as RuleSet),
        filter,
        groups: [...groups],
      })) as GroupFigures[],
  });
}
