/// <reference lib="webworker" />
/**
 * Rates and rolls up off the main thread so the page stays responsive on national data. The
 * last rating is kept here, so a filter change only re-runs the roll-up.
 */
import { groupSummaries, schoolView, type Filter } from '../domain/rated-view';
import { rateDataset, type DatasetRatings } from '../domain/rate-dataset';
import { compileRules } from '../domain/rules/compile';
import type { RuleSet } from '../domain/rules/schema';
import type { SchoolYear } from '../domain/types';
import { whatIf } from '../domain/what-if';

export type WorkerRequest =
  | { id: number; kind: 'rate'; key: string; schools: SchoolYear[]; rules: RuleSet }
  | { id: number; kind: 'rollup'; key: string; filter: Filter }
  | {
      id: number;
      kind: 'whatif';
      schools: SchoolYear[];
      saved: RuleSet;
      draft: RuleSet;
      filter: Filter;
    };

/** Omit that keeps a union a union. */
export type RequestBody = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, 'id'>
    : never
  : never;

let current: { key: string; rated: DatasetRatings } | undefined;

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  try {
    if (req.kind === 'whatif') {
      self.postMessage({
        id: req.id,
        result: whatIf(req.schools, req.saved, req.draft, req.filter),
      });
    } else if (req.kind === 'rate') {
      current = { key: req.key, rated: rateDataset(req.schools, compileRules(req.rules)) };
      self.postMessage({ id: req.id, result: schoolView(current.rated) });
    } else {
      if (current?.key !== req.key) throw new Error('ratings for this data are not ready');
      self.postMessage({ id: req.id, result: groupSummaries(current.rated, req.filter) });
    }
  } catch (err) {
    self.postMessage({ id: req.id, error: (err as Error).message });
  }
};
