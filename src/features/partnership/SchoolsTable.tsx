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
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { RagBadge } from '../../components/RagBadge';
import { formatValue } from '../../domain/format';
import { RATING_ORDER } from '../../domain/rating';
import { explainIndicator } from '../../domain/engine/explain';
import { indicatorIndex, ratingAt } from '../../domain/engine/query';
import type { TableRatings } from '../../domain/engine/rate-table';
import { phaseAt, textAt } from '../../domain/table/school-table';
import type { IndicatorRule } from '../../domain/rules/schema';
import { textOf } from '../../domain/table/text-column';

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
});

/** One school-year of the table: the row number and what sorting and filtering need. */
export interface SchoolRow {
  row: number;
  urn: string;
  name: string;
  year: string;
  phase: string;
}

export interface SchoolsTableProps {
  /** The ratings the rows come from (reasons are built for the cells on screen only). */
  ratings: TableRatings;
  /** Row numbers of the schools to list. */
  rows: readonly number[];
  indicators: readonly IndicatorRule[];
  /** Link to a school's own view. */
  linkFor: (urn: string) => string;
  caption: string;
}

export function SchoolsTable({
  ratings: tr,
  rows: rowNumbers,
  indicators,
  linkFor,
  caption,
}: SchoolsTableProps) {
  const [nameFilter, setNameFilter] = useState('');
  const t = tr.table;
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
        accessorFn: (s) => RATING_ORDER[ratingAt(tr, -1, s.row)],
        cell: (info) => <RagBadge rating={ratingAt(tr, -1, info.row.original.row)} compact />,
      },
      ...indicators.map((ind): ColumnDef<typeof features, SchoolRow> => {
        const k = indicatorIndex(tr, ind.id);
        const values = tr.indicators[k]?.value;
        const valueAt = (row: number) => {
          const v = values?.[row];
          return v === undefined || Number.isNaN(v) ? undefined : v;
        };
        return {
          id: ind.id,
          header: ind.label,
          sortDescFirst: false,
          // Sort worst first, then by value within a rating.
          accessorFn: (s) => RATING_ORDER[ratingAt(tr, k, s.row)] * 1e9 + (valueAt(s.row) ?? 0),
          cell: (info) => {
            if (k < 0) return null;
            const row = info.row.original.row;
            const v = valueAt(row);
            // The reason is built for the cells on screen only (rows are virtualised).
            return (
              <span title={explainIndicator(tr, k, row).reason}>
                <RagBadge rating={ratingAt(tr, k, row)} compact />
                {v !== undefined && (
                  <span className="val">{formatValue(v, ind.unit, ind.decimals)}</span>
                )}
              </span>
            );
          },
        };
      }),
    ],
    [indicators, linkFor, tr],
  );
  const data = useMemo(
    () =>
      rowNumbers.map((row) => ({
        row,
        urn: textOf(t.urn, row),
        name: textOf(t.name, row),
        year: textAt(t.year, row),
        phase: phaseAt(t, row),
      })),
    [rowNumbers, t],
  );
  const table = useTable({
    features,
    columns,
    data,
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
  const top = items[0]?.start ?? 0;
  const bottom = virtual.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <div className="schools-table">
      <label className="inline">
        Find a school in this table
        <input type="search" value={nameFilter} onChange={(e) => setNameFilter(e.target.value)} />
      </label>
      <p className="muted" aria-live="polite">
        {rows.length} of {rowNumbers.length} schools shown. Select a column heading to sort.
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
