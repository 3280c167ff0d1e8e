/**
 * What the data worker does, as a plain request handler (the worker runs it; tests without
 * Workers run it in-thread). It owns the tables and ratings: the page sends files or a table
 * once, then asks for what it shows (the decisions of a rule set, the roll-up of a filter, a
 * what-if) and gets typed arrays back, which cross threads by transfer.
 */
import { rateTable, type TableRatings } from '../domain/engine/rate-table';
import { DEFAULT_GROUPING, type GroupTable } from '../domain/engine/rollup-table';
import { rollUpFilter, type Filter } from '../domain/rated-view';
import { compileRules } from '../domain/rules/compile';
import type { RuleSet } from '../domain/rules/schema';
import type { Benchmarks } from '../domain/benchmarks';
import type { SchoolTable } from '../domain/table/school-table';
import { rerate, savedClauseUse, whatIfTable, type WhatIf } from '../domain/what-if';
import type { ClauseUse } from '../domain/engine/clause-use';
import type { InputFile } from '../import/import-files';
import { toCsv } from '../import/csv';
import { mapPositions, type MapPositions } from '../charts/map/layout';
import { schoolDetail, type SchoolDetail } from '../domain/school-detail';
import {
  concernTable,
  concernItems,
  concernOrder,
  type ConcernItem,
  type ConcernOrder,
} from '../domain/concern-view';
import { groupFigures, type GroupFigures } from '../domain/engine/explain-group';
import { similarView, type SimilarView } from '../domain/similar-view';
import { findSchools, type SchoolEntry } from '../domain/school-search';
import { findGroup, rowsMatching, rowsOfSchool } from '../domain/engine/query';
import {
  mapData,
  pointReason,
  schoolLabels,
  type MapData,
  type SchoolLabels,
} from '../domain/map-view';
import {
  partnershipDetail,
  schoolReasons,
  schoolsTable,
  type PartnershipDetail,
} from '../domain/partnership-view';
import { ratedIndicators } from '../domain/year-on-year';
import { textAt } from '../domain/table/school-table';
import {
  importBlobsToTable,
  summarise,
  type BlobFile,
  type Imported,
  type OnProgress,
} from '../import/import-table';
import { groupArraysOf } from '../domain/engine/transfer';
import type { GroupArrays } from '../domain/engine/rollup-table';
import { landingYear } from '../domain/landing-year';
import { authorityRowsOf } from '../domain/engine/group-index';
import { tableFromDataset } from '../domain/table/from-school-years';
import type { Dataset } from '../domain/types';
import { readCanonicalJson } from '../import/canonical';
import { ImportError, formatProblem } from '../import/problems';

export type DataRequest =
  | { kind: 'put'; key: string; table: SchoolTable }
  | { kind: 'import'; key: string; files: (InputFile | BlobFile)[] }
  | { kind: 'load'; key: string; text: string; file: string }
  | { kind: 'rate'; key: string; rulesKey: number; rules: RuleSet; england?: Benchmarks }
  | {
      kind: 'rollup';
      key: string;
      rulesKey: number;
      filter: Filter;
    }
  | {
      kind: 'whatif';
      key: string;
      rulesKey: number;
      draft: RuleSet;
      filter: Filter;
      england?: Benchmarks;
    }
  | { kind: 'clauseuse'; key: string; rulesKey: number; filter: Filter }
  | {
      kind: 'concern';
      key: string;
      rulesKey: number;
      filter: Filter;
      /** Explain this many of the first schools with the answer. */
      firstPage?: number;
    }
  | { kind: 'school'; key: string; rulesKey: number; filter: Filter; urn: string }
  | { kind: 'similar'; key: string; rulesKey: number; urn: string; year: string }
  | { kind: 'find'; key: string; text: string }
  | { kind: 'groups'; key: string; rulesKey: number; filter: Filter; groups: number[] }
  | { kind: 'ratedon'; key: string; rulesKey: number; filter: Filter }
  | { kind: 'concernitems'; key: string; rulesKey: number; filter: Filter; rows: number[] }
  | { kind: 'concerncsv'; key: string; rulesKey: number; filter: Filter; rows: Int32Array }
  | { kind: 'partnership'; key: string; rulesKey: number; filter: Filter; id: string }
  | { kind: 'reasons'; key: string; rulesKey: number; rows: number[] }
  | {
      kind: 'map';
      key: string;
      rulesKey: number;
      filter: Filter;
      indicator: string;
      namedUpTo: number;
      /** The drawing's size, to lay the schools out in. */
      width: number;
      height: number;
    }
  | { kind: 'labels'; key: string; rulesKey: number; rows: number[] }
  | { kind: 'point'; key: string; rulesKey: number; row: number; indicator: string }
  | {
      kind: 'schoolscsv';
      key: string;
      rulesKey: number;
      rows: Int32Array;
      indicators: string[];
    };

export type { ConcernOrder };

/** The map's schools, laid out. */
export type MapAnswer = MapData & MapPositions;

/** The schools causing concern, with the first page explained when it was asked for. */
export type ConcernAnswer = ConcernOrder & { firstItems?: ConcernItem[] };

/** What the page is told of data the worker read: its size and what it can be filtered by. */
export type DatasetInfo = Omit<Imported, 'table'> & {
  /** School-years. */
  n: number;
};

/** What the page is told of a rating: the year a screen opens on (the table stays here). */
export interface RateAnswer {
  landingYear: string;
}

export type DataResponse =
  | undefined
  | DatasetInfo
  | RateAnswer
  | GroupArrays
  | ConcernAnswer
  | WhatIf
  | ClauseUse
  | ConcernOrder
  | SchoolDetail
  | SimilarView
  | SchoolEntry[]
  | GroupFigures[]
  | string[]
  | ConcernItem[]
  | PartnershipDetail
  | MapAnswer
  | SchoolLabels
  | string[][]
  | string;

/** A request the worker cannot answer because it has lost state (e.g. after a restart). */
export class MissingState extends Error {}

// Few tables and rule sets are live at once; older ones are dropped to bound memory.
const KEEP = 3;

/** Changes a what-if answer lists (the panel shows these; the rest are counted). */
export const WHAT_IF_LISTED = 500;

function remember<K, V>(map: Map<K, V>, key: K, value: V, keep = KEEP): V {
  map.delete(key);
  map.set(key, value);
  while (map.size > keep) map.delete(map.keys().next().value as K);
  return value;
}

export function createDataService() {
  const tables = new Map<string, SchoolTable>();
  const rated = new Map<string, TableRatings>();
  // Answers already worked out (a prefetch while the person reads the import report, or a
  // filter revisited): a repeated request costs a copy, not a computation.
  const rollups = new Map<string, GroupTable>();

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

  const rollUpOf = (key: string, rulesKey: number, filter: Filter): GroupTable => {
    const tr = ratedOf(key, rulesKey);
    const k = `${key}:${rulesKey}:${JSON.stringify(filter)}`;
    const cached = rollups.get(k);
    return cached?.ratings === tr ? cached : remember(rollups, k, rollUpFilter(tr, filter), 12);
  };

  // A table put under a key replaces what was worked out from the one before.
  const put = (key: string, table: SchoolTable) => {
    if (tables.get(key) !== table)
      for (const m of [rated, rollups])
        for (const k of m.keys()) if (k.startsWith(`${key}:`)) m.delete(k);
    remember(tables, key, table);
  };

  const importInto = async (
    key: string,
    files: (InputFile | BlobFile)[],
    onProgress?: OnProgress,
  ): Promise<DatasetInfo> => {
    const { table, ...info } = await importBlobsToTable(files, onProgress);
    put(key, table);
    return { ...info, n: table.n };
  };

  // A canonical dataset as JSON text (the embedded demo); its problems said as the page says them.
  const load = (key: string, text: string, file: string): DatasetInfo => {
    let dataset: Dataset;
    try {
      dataset = readCanonicalJson(text, file);
    } catch (e) {
      if (e instanceof ImportError)
        throw new Error(e.problems.slice(0, 5).map(formatProblem).join('\n'), { cause: e });
      throw e;
    }
    const table = tableFromDataset(dataset);
    put(key, table);
    return {
      n: table.n,
      sources: [...dataset.sources],
      extraColumns: [...dataset.extraColumns],
      reports: [],
      ...summarise(table),
    };
  };

  return function handle(
    req: DataRequest,
    onProgress?: OnProgress,
  ): DataResponse | Promise<DataResponse> {
    switch (req.kind) {
      case 'put':
        put(req.key, req.table);
        return undefined;
      case 'import':
        // Files are read here, in pieces where they can be: the page never holds their bytes.
        return importInto(req.key, req.files, onProgress);
      case 'load':
        return load(req.key, req.text, req.file);
      case 'rate': {
        const k = `${req.key}:${req.rulesKey}`;
        let tr = rated.get(k);
        if (!tr) {
          tr = remember(
            rated,
            k,
            rateTable(tableOf(req.key), compileRules(req.rules, { england: req.england })),
          );
          // Every reason names its comparison group's size and the authorities in it: built
          // now, with the rating, not at the first screen's requests, where a person's first
          // filter change would wait behind them (tens of milliseconds for a national file).
          for (const col of tr.indicators) authorityRowsOf(tr.table, col.groups());
        }
        return { landingYear: landingYear(tr.table, req.rules) };
      }
      case 'rollup':
        return groupArraysOf(rollUpOf(req.key, req.rulesKey, req.filter));
      case 'clauseuse':
        return savedClauseUse(
          ratedOf(req.key, req.rulesKey),
          rollUpOf(req.key, req.rulesKey, req.filter),
        );
      case 'concern': {
        const order = concernOrder(rollUpOf(req.key, req.rulesKey, req.filter));
        if (!req.firstPage) return order;
        const rows = Array.from(order.rows.subarray(0, req.firstPage));
        const items = concernItems(
          ratedOf(req.key, req.rulesKey),
          rows,
          req.filter.grouping ?? DEFAULT_GROUPING,
        );
        return { ...order, firstItems: items };
      }
      case 'concernitems':
        return concernItems(
          ratedOf(req.key, req.rulesKey),
          req.rows,
          req.filter.grouping ?? DEFAULT_GROUPING,
        );
      case 'concerncsv':
        // One string crosses to the page, not a cloned row per school.
        return toCsv(
          concernTable(
            ratedOf(req.key, req.rulesKey),
            Array.from(req.rows),
            req.filter.grouping ?? DEFAULT_GROUPING,
          ),
          true,
        );
      case 'school':
        return schoolDetail(
          rollUpOf(req.key, req.rulesKey, req.filter),
          req.urn,
          req.filter.year,
          req.filter.grouping ?? DEFAULT_GROUPING,
        );
      case 'similar': {
        const tr = ratedOf(req.key, req.rulesKey);
        const row = rowsOfSchool(tr.table, req.urn).find(
          (i) => textAt(tr.table.year, i) === req.year,
        );
        if (row === undefined) throw new Error(`no school with URN ${req.urn} in ${req.year}`);
        return similarView(tr, row);
      }
      case 'groups': {
        const gt = rollUpOf(req.key, req.rulesKey, req.filter);
        return req.groups.map((g) => {
          if (!(g >= 0 && g < gt.size)) throw new Error(`no group ${g} in this roll-up`);
          return groupFigures(gt, g);
        });
      }
      case 'ratedon': {
        // What a year's overall ratings rest on (the authority view compares two years).
        const tr = ratedOf(req.key, req.rulesKey);
        return ratedIndicators(tr, rowsMatching(tr.table, req.filter));
      }
      case 'partnership': {
        const gt = rollUpOf(req.key, req.rulesKey, req.filter);
        return partnershipDetail(gt, findGroup(gt, 'partnership', req.id));
      }
      case 'reasons':
        return schoolReasons(ratedOf(req.key, req.rulesKey), req.rows);
      case 'schoolscsv':
        return toCsv(
          schoolsTable(ratedOf(req.key, req.rulesKey), Array.from(req.rows), req.indicators),
          true,
        );
      case 'map': {
        const m = mapData(ratedOf(req.key, req.rulesKey), req.filter, req.indicator, req.namedUpTo);
        // Laid out here too: the page only draws.
        const at = mapPositions(
          m.lat,
          m.lon,
          (p) => m.places[m.placeOf[p] as number] ?? '',
          req.width,
          req.height,
        );
        return { ...m, ...at };
      }
      case 'labels':
        return schoolLabels(ratedOf(req.key, req.rulesKey), req.rows);
      case 'point': {
        const tr = ratedOf(req.key, req.rulesKey);
        if (!(req.row >= 0 && req.row < tr.table.n)) throw new Error(`no row ${req.row}`);
        return pointReason(tr, req.row, req.indicator);
      }
      case 'find':
        return findSchools(tableOf(req.key), req.text);
      case 'whatif': {
        // The saved roll-up of this filter (usually on screen already) is reused: each edit
        // re-rates and re-rolls up only the indicators it changes.
        const before = ratedOf(req.key, req.rulesKey);
        const base = rollUpOf(req.key, req.rulesKey, req.filter);
        // The panel lists the first changes; all are counted.
        const after = rerate(before, compileRules(req.draft, { england: req.england }));
        return whatIfTable(before, after, req.filter, base, WHAT_IF_LISTED);
      }
    }
  };
}
