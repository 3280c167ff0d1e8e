/**
 * One partnership's page, asked of the data worker: its figures, its schools as columns, the
 * reasons of the schools on screen (in blocks, so scrolling asks for each block once), and its
 * schools as CSV when they are downloaded.
 */
import { queryOptions } from '@tanstack/react-query';
import type { PartnershipDetail } from '../domain/partnership-view';
import type { Filter } from '../domain/rated-view';
import type { RuleSet } from '../domain/rules/schema';
import { ask } from './data-client';
import type { LoadedDataset } from './dataset';
import { idOf, keyOf } from './identity';
import type { Rated } from './ratings';

/** Schools whose reasons are asked for at once. */
export const REASON_BLOCK = 50;

export function partnershipQueryOptions(
  ratings: Rated | undefined,
  data: LoadedDataset | undefined,
  rules: RuleSet | undefined,
  filter: Filter,
  id: string,
) {
  return queryOptions({
    queryKey: ['partnership', ...keyOf(data, rules), filter, id],
    // Once these rules are rated (the worker then knows them).
    enabled: !!data && !!rules && !!id && ratings?.rules === rules,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    queryFn: async (): Promise<PartnershipDetail | null> =>
      ((await ask({
        kind: 'partnership',
        key: (data as LoadedDataset).key,
        rulesKey: idOf(rules as RuleSet),
        filter,
        id,
      })) as PartnershipDetail | undefined) ?? null,
  });
}

/** Every indicator's reason (rule order) for each of these table rows. */
export function reasonsQueryOptions(data: LoadedDataset, rules: RuleSet, rows: readonly number[]) {
  return queryOptions({
    queryKey: ['reasons', ...keyOf(data, rules), rows],
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    queryFn: async (): Promise<string[][]> =>
      (await ask({
        kind: 'reasons',
        key: data.key,
        rulesKey: idOf(rules),
        rows: [...rows],
      })) as string[][],
  });
}

/** These schools as CSV (value, rating and reason of each indicator given), written in the worker. */
export async function schoolsCsv(
  data: LoadedDataset,
  rules: RuleSet,
  rows: Int32Array,
  indicators: readonly string[],
): Promise<string> {
  return (await ask({
    kind: 'schoolscsv',
    key: data.key,
    rulesKey: idOf(rules),
    rows: rows.slice(),
    indicators: [...indicators],
  })) as string;
}
