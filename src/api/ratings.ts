/**
 * Ratings are derived from data + rules (never stored): computed off the main thread in a Web
 * Worker where there is one (the browser), in-thread otherwise (tests), and cached by react-query
 * under the identity of their inputs.
 */
import { queryOptions } from '@tanstack/react-query';
import {
  groupSummaries,
  schoolView,
  type Filter,
  type GroupSummary,
  type SchoolView,
} from '../domain/rated-view';
import { rateDataset, type DatasetRatings } from '../domain/rate-dataset';
import { compileRules } from '../domain/rules/compile';
import type { RuleSet } from '../domain/rules/schema';
import type { SchoolYear } from '../domain/types';
import { whatIf, type WhatIf } from '../domain/what-if';

import type { LoadedDataset } from './dataset';
import type { RequestBody } from '../workers/rate-worker';

// Object identity stands for the dataset and rule set: both are immutable once loaded.
const ids = new WeakMap<object, number>();
let counter = 0;
const idOf = (o: object) => {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = ++counter));
  return id;
};
const keyOf = (data: LoadedDataset, rules: RuleSet) => `${idOf(data)}:${idOf(rules)}`;

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function getWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  if (!worker) {
    worker = new Worker(new URL('../workers/rate-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
      const p = pending.get(e.data.id);
      pending.delete(e.data.id);
      if (e.data.error !== undefined) p?.reject(new Error(e.data.error));
      else p?.resolve(e.data.result);
    };
  }
  return worker;
}

function ask<T>(w: Worker, req: RequestBody): Promise<T> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    w.postMessage({ ...req, id });
  });
}

// Without a worker (tests, old browsers) the same domain functions run in-thread.
let local: { key: string; rated: DatasetRatings } | undefined;
function localRated(data: LoadedDataset, rules: RuleSet): DatasetRatings {
  const key = keyOf(data, rules);
  if (local?.key !== key)
    local = { key, rated: rateDataset(data.dataset.schools, compileRules(rules)) };
  return local.rated;
}

export function schoolRatingsQueryOptions(
  data: LoadedDataset | undefined,
  rules: RuleSet | undefined,
) {
  return queryOptions({
    queryKey: ['ratings', data ? idOf(data) : 0, rules ? idOf(rules) : 0],
    enabled: !!data && !!rules,
    staleTime: Infinity,
    gcTime: 60_000,
    queryFn: (): Promise<SchoolView> => {
      const d = data as LoadedDataset;
      const r = rules as RuleSet;
      const w = getWorker();
      if (!w) return Promise.resolve(schoolView(localRated(d, r)));
      return ask<SchoolView>(w, {
        kind: 'rate',
        key: keyOf(d, r),
        schools: [...d.dataset.schools],
        rules: r,
      });
    },
  });
}

export function rollupQueryOptions(
  data: LoadedDataset | undefined,
  rules: RuleSet | undefined,
  filter: Filter,
  ready: boolean,
) {
  return queryOptions({
    queryKey: ['rollup', data ? idOf(data) : 0, rules ? idOf(rules) : 0, filter],
    enabled: !!data && !!rules && ready,
    staleTime: Infinity,
    gcTime: 60_000,
    queryFn: (): Promise<GroupSummary[]> => {
      const d = data as LoadedDataset;
      const r = rules as RuleSet;
      const w = getWorker();
      if (!w) return Promise.resolve(groupSummaries(localRated(d, r), filter));
      return ask<GroupSummary[]>(w, { kind: 'rollup', key: keyOf(d, r), filter });
    },
  });
}

/** The what-if of a draft against the saved rules, off the main thread; keyed by the draft's identity. */
export function whatIfQueryOptions(
  schools: readonly SchoolYear[],
  saved: RuleSet,
  draft: RuleSet | undefined,
  filter: Filter,
) {
  return queryOptions({
    queryKey: ['what-if', idOf(schools), idOf(saved), draft ? idOf(draft) : 0, filter],
    enabled: !!draft && draft !== saved,
    staleTime: Infinity,
    gcTime: 30_000,
    queryFn: (): Promise<WhatIf> => {
      const w = getWorker();
      const d = draft as RuleSet;
      // Only the year compared is sent: the what-if rates that year twice.
      const year = schools.filter((s) => s.year === filter.year);
      if (!w) return Promise.resolve(whatIf(year, saved, d, filter));
      return ask<WhatIf>(w, { kind: 'whatif', schools: year, saved, draft: d, filter });
    },
  });
}
