/**
 * The schools causing concern, asked of the data worker: their order (with each one's group,
 * to count and pick by), the reasons of the ones on screen a page at a time, and the list as
 * CSV when it is downloaded.
 */
import { queryOptions } from '@tanstack/react-query';
import type { ConcernItem, ConcernOrder } from '../domain/concern-view';
import type { Filter } from '../domain/rated-view';
import type { RuleSet } from '../domain/rules/schema';
import { ask } from './data-client';
import type { ConcernAnswer } from '../workers/data-service';
import type { LoadedDataset } from './dataset';
import { idOf, keyOf } from './identity';
import type { Rated } from './ratings';

/** Schools per page of the list (and per request for their reasons). */
export const CONCERN_PAGE = 25;

/** The schools causing concern under a filter, most serious first, ordered in the worker. */
export function concernQueryOptions(
  ratings: Rated | undefined,
  data: LoadedDataset | undefined,
  rules: RuleSet | undefined,
  filter: Filter,
) {
  return queryOptions({
    queryKey: ['concern', ...keyOf(data, rules), filter],
    // Once these rules are rated (the worker then knows them).
    enabled: !!data && !!rules && ratings?.rules === rules,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    queryFn: async ({ client }): Promise<ConcernOrder> => {
      // Below the fold: asked as background work, which the roll-ups of the filters a person
      // may pick next (prefetched as the screen settles) and any request they make go ahead of.
      const { firstItems, ...order } = (await ask(
        {
          kind: 'concern',
          key: (data as LoadedDataset).key,
          rulesKey: idOf(rules as RuleSet),
          filter,
          firstPage: CONCERN_PAGE,
        },
        { background: true },
      )) as ConcernAnswer;
      // The first page's reasons came with the order: the list is drawn whole in one step.
      if (firstItems) {
        const rows = Array.from(order.rows.subarray(0, CONCERN_PAGE));
        client.setQueryData(
          concernItemsQueryOptions(data, rules, filter, rows).queryKey,
          firstItems,
        );
      }
      return order;
    },
  });
}

/** The listed schools' names, groups, red reasons and year before. */
export function concernItemsQueryOptions(
  data: LoadedDataset | undefined,
  rules: RuleSet | undefined,
  filter: Filter,
  rows: readonly number[],
) {
  return queryOptions({
    queryKey: ['concern-items', ...keyOf(data, rules), filter, rows],
    enabled: !!data && !!rules && rows.length > 0,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    // "Show more" keeps the schools there were until the next page comes; other filters'
    // schools never stand in for these.
    placeholderData: (previous, query) =>
      JSON.stringify(query?.queryKey[4]) === JSON.stringify(filter) ? previous : undefined,
    queryFn: async (): Promise<ConcernItem[]> =>
      (await ask({
        kind: 'concernitems',
        key: (data as LoadedDataset).key,
        rulesKey: idOf(rules as RuleSet),
        filter,
        rows: [...rows],
      })) as ConcernItem[],
  });
}

/** These schools causing concern as CSV, written in the worker. */
export async function concernCsv(
  data: LoadedDataset,
  rules: RuleSet,
  filter: Filter,
  rows: readonly number[],
): Promise<string> {
  return (await ask({
    kind: 'concerncsv',
    key: data.key,
    rulesKey: idOf(rules),
    filter,
    rows: Int32Array.from(rows),
  })) as string;
}
