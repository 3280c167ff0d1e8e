/**
 * The map, asked of the data worker: the filter's schools as arrays (laid out, with the chosen
 * indicator's ratings and values, and their places' names), names for the rows a table page shows, and the
 * reason of the school picked.
 */
import { queryOptions } from '@tanstack/react-query';
import type { SchoolLabels } from '../domain/map-view';
import type { MapAnswer } from '../workers/data-service';
import type { Filter } from '../domain/rated-view';
import type { RuleSet } from '../domain/rules/schema';
import { ask } from './data-client';
import type { LoadedDataset } from './dataset';
import { idOf, keyOf } from './identity';
import type { Rated } from './ratings';

export function mapQueryOptions(
  ratings: Rated | undefined,
  data: LoadedDataset | undefined,
  rules: RuleSet | undefined,
  filter: Filter,
  indicator: string,
  namedUpTo: number,
  size: readonly [number, number],
) {
  return queryOptions({
    queryKey: ['map', ...keyOf(data, rules), filter, indicator, namedUpTo, size],
    // Once these rules are rated (the worker then knows them).
    enabled: !!data && !!rules && ratings?.rules === rules,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    queryFn: async (): Promise<MapAnswer> =>
      (await ask({
        kind: 'map',
        key: (data as LoadedDataset).key,
        rulesKey: idOf(rules as RuleSet),
        filter,
        indicator,
        namedUpTo,
        width: size[0],
        height: size[1],
      })) as MapAnswer,
  });
}

/** URNs and names of these table rows. */
export function labelsQueryOptions(
  data: LoadedDataset,
  rules: RuleSet,
  rows: readonly number[],
  enabled = true,
) {
  return queryOptions({
    queryKey: ['labels', ...keyOf(data, rules), rows],
    enabled: enabled && rows.length > 0,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    queryFn: async (): Promise<SchoolLabels> =>
      (await ask({
        kind: 'labels',
        key: data.key,
        rulesKey: idOf(rules),
        rows: [...rows],
      })) as SchoolLabels,
  });
}

/** Why one school is rated as it is on the indicator chosen (overall when none). */
export function pointReasonQueryOptions(
  data: LoadedDataset,
  rules: RuleSet,
  row: number | undefined,
  indicator: string,
) {
  return queryOptions({
    queryKey: ['point', ...keyOf(data, rules), row, indicator],
    enabled: row !== undefined,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    queryFn: async (): Promise<string> =>
      (await ask({
        kind: 'point',
        key: data.key,
        rulesKey: idOf(rules),
        row: row as number,
        indicator,
      })) as string,
  });
}
