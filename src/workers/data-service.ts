/**
 * What the data worker does, as a plain request handler (the worker runs it; tests without
 * Workers run it in-thread). It owns the tables and ratings: the page sends files or a table
 * once, then asks for what it shows (the decisions of a rule set, the roll-up of a filter, a
 * what-if) and gets typed arrays back, which cross threads by transfer.
 */
import { rateTable, type TableRatings } from '../domain/engine/rate-table';
import type { GroupTable } from '../domain/engine/rollup-table';
import { rollUpFilter, type Filter } from '../domain/rated-view';
import { compileRules } from '../domain/rules/compile';
import type { RuleSet } from '../domain/rules/schema';
import { tableFromDataset } from '../domain/table/from-school-years';
import type { SchoolTable } from '../domain/table/school-table';
import type { ColumnSource } from '../domain/types';
import { rerate, whatIfTable, type WhatIf } from '../domain/what-if';
import { importFiles, type InputFile } from '../import/import-files';
import type { FileReport } from '../import/model';
import {
  decisionsOf,
  groupArraysOf,
  type Decisions,
  type GroupArrays,
} from '../domain/engine/transfer';

export type DataRequest =
  | { kind: 'put'; key: string; table: SchoolTable }
  | { kind: 'import'; key: string; files: InputFile[] }
  | { kind: 'rate'; key: string; rulesKey: number; rules: RuleSet }
  | { kind: 'rollup'; key: string; rulesKey: number; filter: Filter }
  | { kind: 'whatif'; key: string; rulesKey: number; draft: RuleSet; filter: Filter };

export interface Imported {
  table: SchoolTable;
  sources: ColumnSource[];
  extraColumns: string[];
  reports: FileReport[];
}

export type DataResponse = undefined | Imported | Decisions | GroupArrays | WhatIf;

/** A request the worker cannot answer because it has lost state (e.g. after a restart). */
export class MissingState extends Error {}

// Few tables and rule sets are live at once; older ones are dropped to bound memory.
const KEEP = 3;

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  map.delete(key);
  map.set(key, value);
  while (map.size > KEEP) map.delete(map.keys().next().value as K);
  return value;
}

export function createDataService() {
  const tables = new Map<string, SchoolTable>();
  const rated = new Map<string, TableRatings>();
  const saved = new Map<string, GroupTable>();

  const tableOf = (key: string) => {
    const t = tables.get(key);
    if (!t) throw new MissingState(`the data "${key}" is not loaded in the worker`);
    return t;
  };
  const ratedOf = (key: string, rulesKey: number) => {
    const r = rated.get(`${key}:${rulesKey}`);
    if (!r) throw new MissingState(`ratings for "${key}" are not ready`);
    return r;
  };

  return function handle(req: DataRequest): DataResponse {
    switch (req.kind) {
      case 'put':
        remember(tables, req.key, req.table);
        return undefined;
      case 'import': {
        const merged = importFiles(req.files);
        const table = remember(tables, req.key, tableFromDataset(merged.dataset));
        return {
          table,
          sources: [...merged.dataset.sources],
          extraColumns: [...merged.dataset.extraColumns],
          reports: merged.reports,
        };
      }
      case 'rate': {
        const tr = rateTable(tableOf(req.key), compileRules(req.rules));
        return decisionsOf(remember(rated, `${req.key}:${req.rulesKey}`, tr));
      }
      case 'rollup':
        return groupArraysOf(rollUpFilter(ratedOf(req.key, req.rulesKey), req.filter));
      case 'whatif': {
        const before = ratedOf(req.key, req.rulesKey);
        // The saved roll-up of this filter is kept: each edit re-rolls up only what changed.
        const sk = `${req.key}:${req.rulesKey}:${JSON.stringify(req.filter)}`;
        const base = saved.get(sk) ?? remember(saved, sk, rollUpFilter(before, req.filter));
        return whatIfTable(before, rerate(before, compileRules(req.draft)), req.filter, base);
      }
    }
  };
}
