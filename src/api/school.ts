/**
 * One school's page, asked of the data worker (which holds the table and ratings): its
 * detail, its similar schools, and the finder's matches. Each answer is plain data, cached by
 * react-query under the identity of the data, the rules and what was asked.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Filter } from '../domain/rated-view';
import type { RuleSet } from '../domain/rules/schema';
import type { SchoolDetail } from '../domain/school-detail';
import type { SchoolEntry } from '../domain/school-search';
import type { SimilarView } from '../domain/similar-view';
import { ask } from './data-client';
import type { LoadedDataset } from './dataset';
import { idOf, keyOf } from './identity';
import type { Rated } from './ratings';

export function schoolDetailQueryOptions(
  ratings: Rated | undefined,
  data: LoadedDataset | undefined,
  rules: RuleSet | undefined,
  filter: Filter,
  urn: string | undefined,
) {
  return queryOptions({
    queryKey: ['school', ...keyOf(data, rules), filter, urn ?? ''],
    // Once these rules are rated (the worker then knows them).
    enabled: !!data && !!rules && !!urn && ratings?.rules === rules,
    // A new filter on the same school (same data and rules) keeps its page there, marked busy,
    // until the new answer comes, rather than flashing the finder; another school's, or other
    // rules' ratings, never stand in.
    placeholderData: (previous, query) => {
      const k = query?.queryKey;
      const same =
        !!k && keyOf(data, rules).every((v, j) => k[j + 1] === v) && k[5] === (urn ?? '');
      return same ? previous : undefined;
    },
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    queryFn: async (): Promise<SchoolDetail | null> =>
      ((await ask({
        kind: 'school',
        key: (data as LoadedDataset).key,
        rulesKey: idOf(rules as RuleSet),
        filter,
        urn: urn as string,
      })) as SchoolDetail | undefined) ?? null,
  });
}

export function similarQueryOptions(
  data: LoadedDataset | undefined,
  rules: RuleSet | undefined,
  urn: string,
  year: string,
) {
  return queryOptions({
    queryKey: ['similar', ...keyOf(data, rules), urn, year],
    enabled: !!data && !!rules,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    queryFn: async (): Promise<SimilarView> =>
      (await ask({
        kind: 'similar',
        key: (data as LoadedDataset).key,
        rulesKey: idOf(rules as RuleSet),
        urn,
        year,
      })) as SimilarView,
  });
}

export function findSchoolsQueryOptions(data: LoadedDataset | undefined, text: string) {
  const q = text.trim().toLowerCase();
  return queryOptions({
    queryKey: ['find', data?.key ?? '', data ? idOf(data) : 0, q],
    enabled: !!data && q.length >= 2,
    staleTime: Infinity,
    gcTime: 30_000,
    retry: false,
    // The list stays as it was while the next letters' matches come.
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<SchoolEntry[]> =>
      (await ask({ kind: 'find', key: (data as LoadedDataset).key, text: q })) as SchoolEntry[],
  });
}
