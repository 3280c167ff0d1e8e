/**
 * Schools x indicators as a sortable, filterable TanStack Table (v9 feature slots), with rows
 * virtualised so the national dataset (~23,000 schools) stays smooth. Cells only display domain
 * output: the rating, its word and shape, the value, and the reason on hover and focus.
 */
import {
  columnFilteringFeature,
  createFilteredRowModel,
  createSortedRowModel,
  FlexRender,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
} from '@tanstack/react-table';
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LoadedDataset } from '../../api/dataset';
import { REASON_BLOCK, reasonsQueryOptions } from '../../api/partnership';
import { RagBadge } from '../../components/RagBadge';
import { formatValue } from '../../domain/format';
import type { SchoolColumns } from '../../domain/partnership-view';
import { RATING_ORDER } from '../../domain/rating';
import type { IndicatorRule, RuleSet } from '../../domain/rules/schema';
import { RATINGS, type Rating } from '../../domain/types';

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
});

/** One school-year of the table: its place in the columns and what sorting and filtering need. */
export interface SchoolRow {
  /** Index into the school columns. */
  p: number;
  urn: string;
  name: string;
  year: string;
  phase: string;
}

export interface SchoolsTableProps {
  data: LoadedDataset;
  /** The rules the schools were rated on (all of them: columns are by rule order). */
  rules: RuleSet;
  /** The schools to list, as columns from the data worker. */
  schools: SchoolColumns;
  /** The indicators to show as columns. */
  indicators: readonly IndicatorRule[];
  /** Link to a school's view. */
  linkFor: (urn: string) => string;
  caption: string;
}

const ratingOf = (code: number | undefined): Rating => RATINGS[code ?? 3] as Rating;

export function SchoolsTable({
  data: loaded,
  rules,
  schools,
  indicators,
  linkFor,
  caption,
}: SchoolsTableProps) {
  const [nameFilter, setNameFilter] = useState('');
  // The reasons of the schools on screen, asked of the worker in blocks of the columns' order
  // (a block is asked once, then kept): each cell's reason shows on hover.
  const [blocks, setBlocks] = useState<readonly number[]>([]);
  const reasonBlocks = useQueries({
    queries: blocks.map((b) =>
      reasonsQueryOptions(
        loaded,
        rules,
        Array.from(schools.rows.subarray(b * REASON_BLOCK, (b + 1) * REASON_BLOCK)),
      ),
    ),
  });
  // Read by the cells when they are drawn: the columns stay the same as reasons come.
  const reasons = useRef<(p: number, k: number) => string | undefined>(() => undefined);
  reasons.current = (p, k) =>
    reasonBlocks[blocks.indexOf(Math.floor(p / REASON_BLOCK))]?.data?.[p % REASON_BLOCK]?.[k];
  const columns = useMemo<ColumnDef<typeof features, SchoolRow>[]>(
    () => [
      {
        id: 'name',
        header: 'School',
        accessorFn: (s) => s.name,
        cell: (info) => <a href={linkFor(info.row.original.urn)}>{info.row.original.name}</a>,
        filterFn: (row, _id, value: string) =>
          row.original.name.toLowerCase().includes(value.toLowerCase()),
      },
      { id: 'phase', header: 'Phase', accessorFn: (s) => s.phase },
      {
        id: 'overall',
        header: 'Overall',
        sortDescFirst: false,
        accessorFn: (s) => RATING_ORDER[ratingOf(schools.overall[s.p])],
        cell: (info) => (
          <RagBadge rating={ratingOf(schools.overall[info.row.original.p])} compact />
        ),
      },
      ...indicators.map((ind): ColumnDef<typeof features, SchoolRow> => {
        const k = rules.indicators.findIndex((i) => i.id === ind.id);
        const ratings = schools.rating[k];
        const values = schools.value[k];
        const valueAt = (p: number) => {
          const v = values?.[p];
          return v === undefined || Number.isNaN(v) ? undefined : v;
        };
        return {
          id: ind.id,
          header: ind.label,
          sortDescFirst: false,
          // Sort worst first, then by value within a rating.
          accessorFn: (s) => RATING_ORDER[ratingOf(ratings?.[s.p])] * 1e9 + (valueAt(s.p) ?? 0),
          cell: (info) => {
            if (k < 0) return null;
            const p = info.row.original.p;
            const v = valueAt(p);
            return (
              <span title={reasons.current(p, k)}>
                <RagBadge rating={ratingOf(ratings?.[p])} compact />
                {v !== undefined && (
                  <span className="val">{formatValue(v, ind.unit, ind.decimals)}</span>
                )}
              </span>
            );
          },
        };
      }),
    ],
    [indicators, linkFor, schools, rules],
  );
  const rowData = useMemo(
    () =>
      schools.urn.map((urn, p) => ({
        p,
        urn,
        name: schools.name[p] as string,
        year: schools.year[p] as string,
        phase: schools.phase[p] as string,
      })),
    [schools],
  );
  const table = useTable({
    features,
    columns,
    data: rowData,
    state: { columnFilters: nameFilter ? [{ id: 'name', value: nameFilter }] : [] },
    getRowId: (s) => `${s.urn}|${s.year}`,
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler; the virtualizer re-renders on scroll by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 44,
    overscan: 12,
  });
  const items = virtual.getVirtualItems();
  const needed = [
    ...new Set(
      items.flatMap((vi) => {
        const r = rows[vi.index];
        return r ? [Math.floor(r.original.p / REASON_BLOCK)] : [];
      }),
    ),
  ].join(',');
  useEffect(() => {
    if (!needed) return;
    setBlocks((had) => {
      const more = needed
        .split(',')
        .map(Number)
        .filter((b) => !had.includes(b));
      return more.length ? [...had, ...more] : had;
    });
  }, [needed]);
  const top = items[0]?.start ?? 0;
  const bottom = virtual.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <div className="schools-table">
      <label className="inline">
        Find a school in this table
        <input type="search" value={nameFilter} onChange={(e) => setNameFilter(e.target.value)} />
      </label>
      <p className="muted" aria-live="polite">
        {rows.length} of {schools.urn.length} schools shown. Select a column heading to sort.
      </p>
      <div
        className="table-scroll tall"
        ref={scrollRef}
        tabIndex={0}
        role="region"
        aria-label={caption}
      >
        <table className="heatmap">
          <caption>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      aria-sort={
                        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'
                      }
                    >
                      <button
                        type="button"
                        className="sort"
                        onClick={h.column.getToggleSortingHandler()}
                      >
                        <FlexRender header={h} />
                        <span aria-hidden="true">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {top > 0 && (
              <tr aria-hidden="true">
                <td style={{ height: top }} colSpan={columns.length} />
              </tr>
            )}
            {items.map((vi) => {
              const row = rows[vi.index];
              if (!row) return null;
              return (
                <tr key={row.id} data-index={vi.index} ref={virtual.measureElement}>
                  {row.getAllCells().map((cell, i) =>
                    i === 0 ? (
                      <th key={cell.id} scope="row">
                        <FlexRender cell={cell} />
                      </th>
                    ) : (
                      <td key={cell.id}>
                        <FlexRender cell={cell} />
                      </td>
                    ),
                  )}
                </tr>
              );
            })}
            {bottom > 0 && (
              <tr aria-hidden="true">
                <td style={{ height: bottom }} colSpan={columns.length} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
